// Pure, seeded simulation of one bus driving one trip: noisy GPS fixes plus the true arrival/departure at each stop.
import { fromLocalMetres } from '@toc/server/geometry/local-metres';
import { DEFAULT_JOURNEY_OPTIONS, localHour, type JourneyOptions } from './journey-options';
import { createRng, type Rng } from './prng';
import { pointAtDistance, type ShapePath } from './shape-path';

export type { JourneyOptions, SlowSegment } from './journey-options';
export type { ShapePath } from './shape-path';

/** A stop of the trip, placed on the shape, with its timetable. */
export interface JourneyStop {
  stopId: string;
  stopSequence: number;
  /** Metres along the shape. */
  distM: number;
  arrival: Date;
  departure: Date;
}

export interface JourneyInput {
  shape: ShapePath;
  /** At least two, in stop_sequence order. */
  stops: readonly JourneyStop[];
  /** When the bus is at the first stop, ready to board (it leaves at the scheduled departure at the earliest). */
  start: Date;
  options?: Partial<JourneyOptions>;
}

/** One GPS fix as a device would report it (noisy), plus the true distance along the shape for evaluation. */
export interface SimulatedFix {
  lon: number;
  lat: number;
  fixTime: Date;
  speedKmh: number;
  bearingDeg: number;
  accuracyM: number;
  trueDistanceM: number;
}

/** What really happened at a stop (ground truth); a skipped stop was passed without stopping. */
export interface StopVisit {
  stopId: string;
  stopSequence: number;
  arrival: Date;
  departure: Date;
  skipped: boolean;
  scheduledArrival: Date;
  scheduledDeparture: Date;
}

export interface JourneyResult {
  fixes: SimulatedFix[];
  stops: StopVisit[];
  /** Departure from the last stop: the trip is over. */
  end: Date;
}

/** A place where the bus comes to rest (served stop, red light, jam) or passes a stop it skips. */
interface Mark {
  pos: number;
  kind: 'stop' | 'pass' | 'hold';
  stopIndex: number;
  holdS: number;
}

/** The true motion, sampled at each integration step (time ms, metres along, m/s). */
interface Track {
  t: number[];
  pos: number[];
  v: number[];
}

const ARRIVED_M = 0.3;

export function simulateJourney(input: JourneyInput): JourneyResult {
  const o: JourneyOptions = { ...DEFAULT_JOURNEY_OPTIONS, ...input.options };
  if (input.stops.length < 2) throw new Error('a journey needs at least two stops');
  const rng = createRng(o.seed);
  const stops = orderedStops(input.stops);
  const marks = planMarks(stops, o, rng);
  const baseCruise = stops.slice(1).map((s, k) => {
    const spacing = s.distM - stops[k]!.distM;
    const [lo, hi] = spacing < o.townSpacingM ? o.townCruiseKmh : o.openCruiseKmh;
    return rng.uniform(lo, hi) / 3.6;
  });
  const maxMps = o.maxSpeedKmh / 3.6;
  const track: Track = { t: [], pos: [], v: [] };
  const record = (t: number, pos: number, v: number): void => {
    track.t.push(t);
    track.pos.push(pos);
    track.v.push(v);
  };
  const visits: StopVisit[] = stops.map((s) => ({
    stopId: s.stopId,
    stopSequence: s.stopSequence,
    arrival: s.arrival,
    departure: s.departure,
    skipped: false,
    scheduledArrival: s.arrival,
    scheduledDeparture: s.departure,
  }));

  // Boarding at the first stop: the bus never leaves the terminus early.
  let t = input.start.getTime();
  let pos = stops[0]!.distM;
  let v = 0;
  const firstDeparture = Math.max(t + drawDwellS(o, rng) * 1000, stops[0]!.departure.getTime());
  visits[0] = { ...visits[0]!, arrival: new Date(t), departure: new Date(firstDeparture) };
  record(t, pos, 0);
  t = firstDeparture;
  record(t, pos, 0);

  let segment = 0;
  let segmentCruise = baseCruise[0]! * o.trafficFactor(localHour(new Date(t), o.timeZone));
  const dt = o.stepS;
  const passes = marks.filter((m) => m.kind === 'pass');
  let nextPass = 0;
  // Skipped stops crossed between two track points: interpolate the moment the bus passed each.
  const recordPasses = (fromPos: number, toPos: number, fromT: number, toT: number): void => {
    while (nextPass < passes.length && passes[nextPass]!.pos <= toPos) {
      const passed = passes[nextPass++]!;
      const f = toPos > fromPos ? Math.max(0, (passed.pos - fromPos) / (toPos - fromPos)) : 1;
      const at = new Date(fromT + (toT - fromT) * f);
      visits[passed.stopIndex] = { ...visits[passed.stopIndex]!, arrival: at, departure: at, skipped: true };
    }
  };
  for (const mark of marks) {
    if (mark.kind === 'pass') continue;
    while (mark.pos - pos > ARRIVED_M) {
      while (segment < baseCruise.length - 1 && pos >= stops[segment + 1]!.distM) {
        segment++;
        segmentCruise = baseCruise[segment]! * o.trafficFactor(localHour(new Date(t), o.timeZone));
      }
      // At least walking pace, so a zero slow factor cannot stall the simulation.
      const target = Math.max(1, Math.min(maxMps, segmentCruise * slowFactor(o, pos)));
      const brake = Math.sqrt(2 * o.decelMps2 * (mark.pos - pos));
      const desired = Math.min(target, brake);
      let vNext = v < desired ? Math.min(desired, v + o.accelMps2 * dt) : Math.max(desired, v - o.decelMps2 * dt);
      vNext = Math.min(vNext, brake);
      const meanV = (v + vNext) / 2;
      const stepM = meanV * dt;
      let stepMs = dt * 1000;
      const before = pos;
      if (pos + stepM >= mark.pos - ARRIVED_M) {
        // Arrives within this step: stop exactly on the mark, at the time the mean speed takes to get there.
        stepMs = ((mark.pos - pos) / Math.max(meanV, 0.1)) * 1000;
        vNext = 0;
        pos = mark.pos;
      } else {
        pos += stepM;
      }
      recordPasses(before, pos, t, t + stepMs);
      t += stepMs;
      v = vNext;
      record(t, pos, v);
    }
    recordPasses(pos, mark.pos, t, t);
    pos = mark.pos;
    v = 0;
    record(t, pos, 0);
    if (mark.kind === 'hold') {
      t += mark.holdS * 1000;
    } else {
      const stop = stops[mark.stopIndex]!;
      const leave = Math.max(t + drawDwellS(o, rng) * 1000, stop.departure.getTime() - o.holdEarlyS * 1000);
      visits[mark.stopIndex] = { ...visits[mark.stopIndex]!, arrival: new Date(t), departure: new Date(leave) };
      t = leave;
    }
    record(t, pos, 0);
  }

  return { fixes: sampleFixes(input.shape, track, o, rng), stops: visits, end: new Date(t) };
}

/** Stops in sequence order, with distances made non-decreasing (a stop cannot lie behind the previous one). */
function orderedStops(stops: readonly JourneyStop[]): JourneyStop[] {
  const sorted = [...stops].sort((a, b) => a.stopSequence - b.stopSequence);
  let last = Number.NEGATIVE_INFINITY;
  return sorted.map((s) => {
    last = Math.max(last, s.distM);
    return { ...s, distM: last };
  });
}

/** Decides up front which stops are skipped and where lights are red or traffic jams, in order along the shape. */
function planMarks(stops: readonly JourneyStop[], o: JourneyOptions, rng: Rng): Mark[] {
  const marks: Mark[] = [];
  for (let k = 1; k < stops.length; k++) {
    const from = stops[k - 1]!.distM;
    const to = stops[k]!.distM;
    const holds: Mark[] = [];
    const lenM = to - from;
    // Keep lights away from the stops themselves, so braking for one is not braking for the other.
    if (lenM > 200) {
      const expected = (lenM / 1000) * o.lightsPerKm;
      const count = Math.floor(expected + rng.next());
      for (let i = 0; i < count; i++) {
        const at = rng.uniform(from + 80, to - 80);
        if (rng.chance(o.redProbability)) holds.push({ pos: at, kind: 'hold', stopIndex: k, holdS: rng.uniform(o.redS[0], o.redS[1]) });
      }
      if (rng.chance(o.longStopProbability)) {
        holds.push({ pos: rng.uniform(from + 80, to - 80), kind: 'hold', stopIndex: k, holdS: rng.uniform(o.longStopS[0], o.longStopS[1]) });
      }
    }
    marks.push(...holds.sort((a, b) => a.pos - b.pos));
    const isLast = k === stops.length - 1;
    const skipped = !isLast && rng.chance(o.skipProbability);
    marks.push({ pos: to, kind: skipped ? 'pass' : 'stop', stopIndex: k, holdS: 0 });
  }
  return marks;
}

/** Dwell skewed towards short stops: most buses only let a few people on. */
function drawDwellS(o: JourneyOptions, rng: Rng): number {
  return o.dwellS[0] + (o.dwellS[1] - o.dwellS[0]) * rng.next() ** 1.7;
}

function slowFactor(o: JourneyOptions, pos: number): number {
  let factor = 1;
  for (const s of o.slowSegments) if (pos >= s.fromM && pos < s.toM) factor = Math.min(factor, s.factor);
  return factor;
}

/** Reads the true track at whole-second fix times and adds GPS error (correlated from fix to fix, as receivers drift). */
function sampleFixes(shape: ShapePath, track: Track, o: JourneyOptions, rng: Rng): SimulatedFix[] {
  const fixes: SimulatedFix[] = [];
  const first = Math.ceil(track.t[0]! / 1000) * 1000;
  const last = track.t[track.t.length - 1]!;
  const rho = 0.6;
  const innovation = o.noiseSigmaM * Math.sqrt(1 - rho * rho);
  let east = rng.normal(0, o.noiseSigmaM);
  let north = rng.normal(0, o.noiseSigmaM);
  let heading: number | null = null;
  let i = 0;
  for (let at = first; at <= last; at += o.fixIntervalS * 1000) {
    while (i < track.t.length - 2 && track.t[i + 1]! < at) i++;
    const t0 = track.t[i]!;
    const t1 = track.t[i + 1] ?? t0;
    const f = t1 > t0 ? Math.min(1, Math.max(0, (at - t0) / (t1 - t0))) : 1;
    const pos = track.pos[i]! + ((track.pos[i + 1] ?? track.pos[i]!) - track.pos[i]!) * f;
    const speed = track.v[i]! + ((track.v[i + 1] ?? track.v[i]!) - track.v[i]!) * f;
    const onShape = pointAtDistance(shape, pos);
    east = rho * east + rng.normal(0, innovation);
    north = rho * north + rng.normal(0, innovation);
    const noisy = fromLocalMetres({ lon: onShape.lon, lat: onShape.lat }, [east, north]);
    const moving = speed > 0.3;
    // A receiver keeps its last heading while standing still.
    if (moving || heading === null) heading = (((onShape.bearingDeg + rng.normal(0, 2)) % 360) + 360) % 360;
    fixes.push({
      lon: noisy.lon,
      lat: noisy.lat,
      fixTime: new Date(at),
      speedKmh: moving ? Math.max(0, speed * 3.6 + rng.normal(0, 0.8)) : 0,
      bearingDeg: heading,
      accuracyM: Math.round(o.noiseSigmaM * 1.5 * rng.uniform(0.8, 1.2) * 10) / 10,
      trueDistanceM: pos,
    });
  }
  return fixes;
}
