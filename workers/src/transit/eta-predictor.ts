// Arrival prediction for the remaining stops of a trip (pure): learned segment run and dwell times, else the timetable.
import { blended, type SegmentHistory } from './segment-history';
import { scheduledArrivalMs, scheduledDepartureMs, type TripInstance } from './transit-model';

export interface PredictionInput {
  inst: TripInstance;
  along: number;
  /** Time of the fix the progress comes from. */
  fixMs: number;
  nextStop: number;
  /** Arrival at nextStop while the vehicle stands there. */
  arrivedMs: number | null;
  /** Metres per second along the route recently, if known. */
  speedMs: number | null;
  /** Departure from the stop before nextStop, when seen (time already spent on the segment). */
  lastDepartureMs: number | null;
  /** Dwell assumed where nothing is learned and the timetable gives none. */
  defaultDwellS: number;
  /** Drivers do not leave a stop earlier than this before the timetable (holding). */
  holdEarlyS: number;
}

export interface PredictedCall {
  index: number;
  arrivalMs: number;
  departureMs: number;
}

const hourOf = (inst: TripInstance, ms: number) =>
  ((Math.floor((ms - inst.dayStartMs) / 3600_000) % 24) + 24) % 24;

export function predictTrip(input: PredictionInput, history: SegmentHistory): PredictedCall[] {
  const { inst, along, fixMs, defaultDwellS } = input;
  const { stopIds, stopAlong, routeId, feedId, arr, dep } = inst.trip;
  const n = stopIds.length;
  const out: PredictedCall[] = [];
  const runS = (j: number, atMs: number) =>
    blended(
      history.lookup('run', feedId, routeId, stopIds[j - 1]!, stopIds[j]!, hourOf(inst, atMs)),
      Math.max(0, arr[j]! - dep[j - 1]!),
    );
  const dwellS = (j: number, atMs: number) => {
    const scheduled = dep[j]! - arr[j]!;
    return blended(
      history.lookup('dwell', feedId, routeId, stopIds[j]!, stopIds[j]!, hourOf(inst, atMs)),
      scheduled > 0 ? scheduled : defaultDwellS,
    );
  };
  // The first stop (terminal) is never left before the timetable says, the others not much earlier.
  const departureFrom = (j: number, arrivalMs: number) => {
    const leave = arrivalMs + dwellS(j, arrivalMs) * 1000;
    return Math.max(leave, scheduledDepartureMs(inst, j) - (j === 0 ? 0 : input.holdEarlyS * 1000));
  };
  let j = input.nextStop;
  if (j >= n) return out;
  let t: number;
  if (input.arrivedMs !== null) {
    const leave = Math.max(fixMs, departureFrom(j, input.arrivedMs));
    out.push({ index: j, arrivalMs: input.arrivedMs, departureMs: leave });
    t = leave;
    j++;
  } else if (j === 0) {
    // Before the first stop: driving there at the recent speed (or 20 km/h), then the timetable's departure.
    const toGo = Math.max(0, stopAlong[0]! - along);
    const arrival = fixMs + (toGo / Math.max(input.speedMs ?? 0, 5.5)) * 1000;
    const leave = departureFrom(0, arrival);
    out.push({ index: 0, arrivalMs: arrival, departureMs: leave });
    t = leave;
    j = 1;
  } else {
    // Part of the current segment remains: its learned time scaled by the share of distance left.
    const span = stopAlong[j]! - stopAlong[j - 1]!;
    const share = span > 0 ? Math.min(1, Math.max(0, (stopAlong[j]! - along) / span)) : 0;
    const full = runS(j, fixMs);
    // Time already on the segment says more than distance (a vehicle is slow just after leaving a stop).
    let remainingS =
      input.lastDepartureMs !== null
        ? Math.max(full - (fixMs - input.lastDepartureMs) / 1000, share * full * 0.3)
        : share * full;
    const speed = input.speedMs;
    if (speed !== null && speed > 2)
      remainingS = 0.7 * remainingS + 0.3 * Math.min(remainingS * 3, (stopAlong[j]! - along) / speed);
    t = fixMs;
    const arrival = t + remainingS * 1000;
    const leave = j === n - 1 ? arrival : departureFrom(j, arrival);
    out.push({ index: j, arrivalMs: arrival, departureMs: leave });
    t = leave;
    j++;
  }
  for (; j < n; j++) {
    const arrival = t + runS(j, t) * 1000;
    const leave = j === n - 1 ? arrival : departureFrom(j, arrival);
    out.push({ index: j, arrivalMs: arrival, departureMs: leave });
    t = leave;
  }
  return out;
}

export const scheduledAt = (inst: TripInstance, index: number) => scheduledArrivalMs(inst, index);
