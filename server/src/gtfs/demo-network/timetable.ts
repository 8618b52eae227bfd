// Pure timetable: trips every headway in both directions from 05:30 to 21:00, and blocks so one bus runs them in turn.
import { MIN_LAYOVER_S, SERVICE_END_S, SERVICE_START_S } from './demo-routes';

export interface PlannedTrip {
  direction: 0 | 1;
  departS: number;
  arriveS: number;
  blockId: string;
}

/**
 * Both terminals send a bus every `headwayS`. Each departure takes the bus that has waited longest at that
 * terminal (rested at least MIN_LAYOVER_S), or a bus from the depot: the fleet size follows from the cycle time.
 */
export function planTrips(routeId: string, headwayS: number, runS: readonly [number, number]): PlannedTrip[] {
  const departures: Array<{ direction: 0 | 1; departS: number }> = [];
  for (let t = SERVICE_START_S; t <= SERVICE_END_S; t += headwayS)
    departures.push({ direction: 0, departS: t }, { direction: 1, departS: t });
  departures.sort((a, b) => a.departS - b.departS || a.direction - b.direction);
  const waiting: Array<Array<{ block: string; readyS: number }>> = [[], []];
  let fleet = 0;
  const trips: PlannedTrip[] = [];
  for (const { direction, departS } of departures) {
    const queue = waiting[direction]!;
    const index = queue.findIndex((bus) => bus.readyS <= departS);
    const bus =
      index >= 0
        ? queue.splice(index, 1)[0]!
        : { block: `${routeId}-B${String(++fleet).padStart(2, '0')}`, readyS: departS };
    const arriveS = departS + runS[direction];
    trips.push({ direction, departS, arriveS, blockId: bus.block });
    waiting[1 - direction]!.push({ block: bus.block, readyS: arriveS + MIN_LAYOVER_S });
  }
  return trips;
}

/** A dwell of 20–40 s that differs from stop to stop but is the same on every run (no randomness in the feed). */
export const dwellS = (stopIndex: number, routeSeed: number): number =>
  20 + ((stopIndex * 7919 + routeSeed * 104_729) % 21);

export function formatGtfsTime(seconds: number): string {
  const s = Math.round(seconds);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((v) => String(v).padStart(2, '0'))
    .join(':');
}
