// Pure timetable: trips every headway in both directions from 05:30 to 21:00, then hourly through the night (GTFS
// times past 24:00, same service day) until the next morning's service, and blocks so one bus runs them in turn.
import { MIN_LAYOVER_S, NIGHT_HEADWAY_S, SERVICE_END_S, SERVICE_START_S } from './demo-routes';

export interface PlannedTrip {
  direction: 0 | 1;
  departS: number;
  arriveS: number;
  blockId: string;
}

const DAY_S = 24 * 3600;

/** Departure times of one terminal: every headway by day, then every NIGHT_HEADWAY_S until the next day's first. */
export function departureTimes(headwayS: number): number[] {
  const times: number[] = [];
  for (let t = SERVICE_START_S; t <= SERVICE_END_S; t += headwayS) times.push(t);
  for (let t = times.at(-1)! + NIGHT_HEADWAY_S; t < SERVICE_START_S + DAY_S; t += NIGHT_HEADWAY_S)
    times.push(t);
  return times;
}

/**
 * Both terminals send a bus at each departure time. By day a departure takes the bus that has waited longest at
 * that terminal (rested at least MIN_LAYOVER_S), or a bus from the depot: the fleet size follows from the cycle time.
 * At night it takes the ready bus of the highest-numbered block: the blocks that start last next morning work the
 * night, so a night bus is usually back before its block's first trip of the next day (on the longest routes the
 * last night run can end a little after it: that bus starts its first morning trip late).
 */
export function planTrips(routeId: string, headwayS: number, runS: readonly [number, number]): PlannedTrip[] {
  const departures = departureTimes(headwayS)
    .flatMap((departS) => [0, 1].map((direction) => ({ direction: direction as 0 | 1, departS })))
    .sort((a, b) => a.departS - b.departS || a.direction - b.direction);
  const waiting: Array<Array<{ block: string; readyS: number }>> = [[], []];
  let fleet = 0;
  const trips: PlannedTrip[] = [];
  for (const { direction, departS } of departures) {
    const queue = waiting[direction]!;
    const night = departS > SERVICE_END_S;
    let index = -1;
    queue.forEach((bus, i) => {
      if (bus.readyS > departS) return;
      if (index < 0 || (night && bus.block > queue[index]!.block)) index = i;
    });
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

/** HH:MM:SS, hours past 24 for the night trips of the service day (GTFS counts from the day's start). */
export function formatGtfsTime(seconds: number): string {
  const s = Math.round(seconds);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((v) => String(v).padStart(2, '0'))
    .join(':');
}
