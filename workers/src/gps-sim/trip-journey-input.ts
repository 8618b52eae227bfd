// Turns a GTFS trip on a service day into simulateJourney's input: its shape, and its stops placed and timed on it.
import type { JourneyStop } from './bus-journey';
import type { SimFeed, SimTrip } from './sim-feed';
import { cumulativeDistancesM, projectOntoShape, type ShapePath } from './shape-path';

export interface TripPath {
  shape: ShapePath;
  /** Metres along the shape of each stop time, in sequence order. */
  stopDistM: number[];
}

/** The trip's shape (or, without one, the line through its stops) and where each stop lies along it. */
export function tripPath(feed: SimFeed, trip: SimTrip): TripPath | null {
  const points = trip.stopTimes.map((st) => feed.stops.get(st.stopId));
  if (points.length < 2 || points.some((p) => !p)) return null;
  const stopPoints = points as Array<readonly [number, number]>;
  const shape = (trip.shapeId && feed.shapes.get(trip.shapeId)) || lineThrough(stopPoints);
  const stopDistM: number[] = [];
  let from = 0;
  for (const [lon, lat] of stopPoints) {
    // Each stop is searched only beyond the previous one, so loops and out-and-back shapes place stops in order.
    from = projectOntoShape(shape, lon, lat, from).distM;
    stopDistM.push(from);
  }
  return { shape, stopDistM };
}

function lineThrough(points: ReadonlyArray<readonly [number, number]>): ShapePath {
  return { coords: points, distM: cumulativeDistancesM(points) };
}

/** Stop times as absolute instants for a service day starting at `dayStartMs`; missing times interpolated by distance. */
export function timedStops(trip: SimTrip, path: TripPath, dayStartMs: number): JourneyStop[] {
  const st = trip.stopTimes;
  const known = st.map((s) => s.arrivalS ?? s.departureS);
  const times: number[] = [];
  for (let i = 0; i < st.length; i++) {
    const own = known[i];
    if (own !== null && own !== undefined) {
      times.push(own);
      continue;
    }
    let before = i - 1;
    while (before >= 0 && (known[before] === null || known[before] === undefined)) before--;
    let after = i + 1;
    while (after < st.length && (known[after] === null || known[after] === undefined)) after++;
    const t0 = before >= 0 ? (st[before]!.departureS ?? known[before]!) : null;
    const t1 = after < st.length ? known[after]! : null;
    if (t0 === null || t1 === null) {
      times.push(t0 ?? t1 ?? 0);
      continue;
    }
    const d0 = path.stopDistM[before]!;
    const span = path.stopDistM[after]! - d0;
    const f = span > 0 ? (path.stopDistM[i]! - d0) / span : (i - before) / (after - before);
    times.push(t0 + (t1 - t0) * f);
  }
  return st.map((s, i) => ({
    stopId: s.stopId,
    stopSequence: s.stopSequence,
    distM: path.stopDistM[i]!,
    arrival: new Date(dayStartMs + times[i]! * 1000),
    departure: new Date(dayStartMs + Math.max(times[i]!, s.departureS ?? times[i]!) * 1000),
  }));
}

/** First departure and last arrival of a trip, seconds after the service day's start. */
export function tripSpanS(trip: SimTrip): { startS: number; endS: number } | null {
  const first = trip.stopTimes[0];
  const last = trip.stopTimes[trip.stopTimes.length - 1];
  const startS = first?.departureS ?? first?.arrivalS;
  const endS = last?.arrivalS ?? last?.departureS;
  if (startS === null || startS === undefined || endS === null || endS === undefined) return null;
  return { startS, endS };
}
