// Speed of a track from its history (km/h when calibrated, box heights per second otherwise), moving/stopped with hysteresis, and when it stopped.
import type { TrackPoint } from '../pipeline/types';
import { boxHeight } from './box-geometry';
import { groundContact } from './scene';

/**
 * 'bh_s' is box heights per second of the ground contact point: without calibration it makes one threshold
 * work for a car near the camera (big box, many pixels per metre) and one far away (small box, few pixels).
 */
export type SpeedUnit = 'kmh' | 'bh_s';

/** A speed threshold in both units; the rules pick the one matching the track's history. */
export interface SpeedPair {
  kmh: number;
  bhS: number;
}

export const pickSpeed = (pair: SpeedPair, unit: SpeedUnit): number => (unit === 'kmh' ? pair.kmh : pair.bhS);

export interface SpeedSample {
  t: number;
  speed: number;
  unit: SpeedUnit;
}

export interface MotionOptions {
  /** Speeds are averaged over this trailing window. */
  windowS: number;
  /** At or above: moving. */
  moving: SpeedPair;
  /** At or below: stopped. In between the previous phase holds (hysteresis against jitter). */
  stopped: SpeedPair;
  /** Look-back for the stop moment: the track counts as stopped since it came within this many box heights of where it rests. */
  stopRadiusBh: number;
  /** The pre-stop speed is measured this long before the track came to rest (the "within ≤ 1 s" of a sudden stop). */
  dropWithinS: number;
  /** Length of the short, centred window that measures speeds around a stop. */
  preWindowS: number;
  /** How far back the cruising speed before a stop is looked for. */
  cruiseLookbackS: number;
}

export const DEFAULT_MOTION_OPTIONS: MotionOptions = {
  windowS: 1,
  moving: { kmh: 6, bhS: 0.35 },
  stopped: { kmh: 2, bhS: 0.12 },
  stopRadiusBh: 0.2,
  dropWithinS: 1,
  preWindowS: 0.4,
  cruiseLookbackS: 5,
};

const contactOf = (point: TrackPoint) => groundContact(point.box);
const distance = (a: readonly [number, number], b: readonly [number, number]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1]);

function meanHeight(history: readonly TrackPoint[], from: number, to: number): number {
  let sum = 0;
  for (let k = from; k <= to; k++) sum += boxHeight(history[k]!.box);
  return sum / (to - from + 1);
}

/** Speed between history indices `from` < `to`; km/h only when every point in between has it. */
function speedOverIndices(history: readonly TrackPoint[], from: number, to: number): SpeedSample | null {
  const first = history[from];
  const last = history[to];
  if (!first || !last || to <= from || last.t <= first.t) return null;
  const slice = history.slice(from, to + 1);
  if (slice.every((p) => p.speedKmh !== null)) {
    const speed = slice.reduce((sum, p) => sum + (p.speedKmh ?? 0), 0) / slice.length;
    return { t: last.t, speed, unit: 'kmh' };
  }
  const height = meanHeight(history, from, to);
  if (height <= 0) return null;
  const speed = distance(contactOf(first), contactOf(last)) / ((last.t - first.t) / 1000) / height;
  return { t: last.t, speed, unit: 'bh_s' };
}

/** Speed over the trailing window ending at history[index]; null until the window is mostly covered. */
export function smoothedSpeedAt(
  history: readonly TrackPoint[],
  index: number,
  windowS: number,
): SpeedSample | null {
  const end = history[index];
  if (!end) return null;
  const windowMs = windowS * 1000;
  let from = index;
  while (from > 0 && history[from - 1]!.t >= end.t - windowMs) from--;
  if (end.t - history[from]!.t < 0.6 * windowMs) return null;
  return speedOverIndices(history, from, index);
}

/** Speed between the first point at or after `fromT` and the last at or before `toT`. */
export function speedBetween(history: readonly TrackPoint[], fromT: number, toT: number): SpeedSample | null {
  const from = history.findIndex((p) => p.t >= fromT);
  let to = history.length - 1;
  while (to >= 0 && history[to]!.t > toT) to--;
  if (from < 0 || to <= from || history[to]!.t - history[from]!.t < 0.5 * (toT - fromT)) return null;
  return speedOverIndices(history, from, to);
}

export function speedSeries(history: readonly TrackPoint[], windowS: number): SpeedSample[] {
  const samples: SpeedSample[] = [];
  for (let i = 0; i < history.length; i++) {
    const sample = smoothedSpeedAt(history, i, windowS);
    if (sample) samples.push(sample);
  }
  return samples;
}

/**
 * When the track came to rest at history[index]: walk back while the contact point stays within
 * `radiusBh` box heights of the resting point. The trailing speed window reports a stop about one window
 * late; this recovers the real moment.
 */
export function stopOnset(history: readonly TrackPoint[], index: number, radiusBh: number): number {
  const rest = history[index];
  if (!rest) return Number.NaN;
  const radius = radiusBh * Math.max(1, boxHeight(rest.box));
  const at = contactOf(rest);
  for (let k = index - 1; k >= 0; k--) {
    if (distance(contactOf(history[k]!), at) > radius) return history[k + 1]!.t;
  }
  return history[0]!.t;
}

/** Where the contact point went over the last `windowS`: pixels, and the box height to scale them. */
export function displacementOver(
  history: readonly TrackPoint[],
  windowS: number,
): { dx: number; dy: number; dtS: number; heightPx: number; fromT: number } | null {
  const last = history[history.length - 1];
  if (!last) return null;
  let from = history.length - 1;
  while (from >= 0 && history[from]!.t > last.t - windowS * 1000) from--;
  const first = history[from];
  if (!first) return null;
  const [x0, y0] = contactOf(first);
  const [x1, y1] = contactOf(last);
  return {
    dx: x1 - x0,
    dy: y1 - y0,
    dtS: (last.t - first.t) / 1000,
    heightPx: meanHeight(history, from, history.length - 1),
    fromT: first.t,
  };
}

/** One moving → stopped transition, with what is needed to judge how abrupt it was. */
export interface StopRecord {
  /** When the track came to rest (look-back), ms. */
  at: number;
  /** When the smoothed speed confirmed the stop, ms. */
  detectedAt: number;
  unit: SpeedUnit;
  /** Speed `dropWithinS` before the track came to rest, or null when history does not reach back. */
  preSpeed: number | null;
  /** Highest smoothed speed in the few seconds before that. */
  cruiseSpeed: number | null;
  postSpeed: number;
  hadMoved: boolean;
}

export type MotionPhase = 'unknown' | 'moving' | 'stopped';

export interface MotionState {
  phase: MotionPhase;
  unit: SpeedUnit | null;
  /** Latest smoothed speed in `unit`. */
  speed: number | null;
  hasMoved: boolean;
  stoppedSince: number | null;
  /** Time of the newest history point already consumed. */
  lastT: number;
  lastStop: StopRecord | null;
}

export const initialMotion = (): MotionState => ({
  phase: 'unknown',
  unit: null,
  speed: null,
  hasMoved: false,
  stoppedSince: null,
  lastT: Number.NEGATIVE_INFINITY,
  lastStop: null,
});

interface StopContext {
  index: number;
  sample: SpeedSample;
  hadMoved: boolean;
  options: MotionOptions;
}

function medianStepMs(history: readonly TrackPoint[]): number {
  const steps = history
    .slice(1)
    .map((p, k) => p.t - history[k]!.t)
    .sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 2)] ?? 0;
}

/** Speed over a short window centred on `t`. */
const speedAround = (history: readonly TrackPoint[], t: number, windowMs: number): SpeedSample | null =>
  speedBetween(history, t - windowMs / 2, t + windowMs / 2);

function describeStop(
  history: readonly TrackPoint[],
  { index, sample, hadMoved, options }: StopContext,
): StopRecord {
  const at = stopOnset(history, index, options.stopRadiusBh);
  const dropMs = options.dropWithinS * 1000;
  // At low frame rates the short window must still hold two points.
  const preMs = Math.max(options.preWindowS * 1000, 2.2 * medianStepMs(history));
  // Pre-stop speed: the highest speed found `dropWithinS` before any moment the track was (nearly) at rest.
  // A brake that took longer has already shed most of its speed by then.
  let preSpeed: number | null = null;
  for (const point of history) {
    if (point.t < at - 500 || point.t > sample.t) continue;
    const now = speedAround(history, point.t, preMs);
    if (!now || now.unit !== sample.unit || now.speed > pickSpeed(options.moving, sample.unit)) continue;
    const before = speedAround(history, point.t - dropMs, preMs);
    if (before && before.unit === sample.unit) preSpeed = Math.max(preSpeed ?? 0, before.speed);
  }
  let cruise: number | null = null;
  for (let k = 0; k < history.length; k++) {
    const t = history[k]!.t;
    if (t < at - dropMs - options.cruiseLookbackS * 1000 || t > at - dropMs) continue;
    const s = smoothedSpeedAt(history, k, options.windowS);
    if (s && s.unit === sample.unit) cruise = Math.max(cruise ?? 0, s.speed);
  }
  return {
    at,
    detectedAt: sample.t,
    unit: sample.unit,
    preSpeed,
    cruiseSpeed: cruise === null ? preSpeed : Math.max(cruise, preSpeed ?? 0),
    postSpeed: sample.speed,
    hadMoved,
  };
}

/**
 * Consumes the history points newer than `prev.lastT`. Keeping the state outside the history lets a stop
 * last longer than the tracker's bounded history.
 */
export function advanceMotion(
  prev: MotionState,
  history: readonly TrackPoint[],
  options: MotionOptions = DEFAULT_MOTION_OPTIONS,
): MotionState {
  const state: MotionState = { ...prev };
  for (let i = 0; i < history.length; i++) {
    const point = history[i]!;
    if (point.t <= prev.lastT) continue;
    state.lastT = point.t;
    const sample = smoothedSpeedAt(history, i, options.windowS);
    if (!sample) continue;
    // Thresholds differ per unit, so a change (calibration arriving) restarts the classification.
    if (state.unit !== null && state.unit !== sample.unit) state.phase = 'unknown';
    state.unit = sample.unit;
    state.speed = sample.speed;
    if (state.phase !== 'moving' && sample.speed >= pickSpeed(options.moving, sample.unit)) {
      state.phase = 'moving';
      state.hasMoved = true;
      state.stoppedSince = null;
    } else if (state.phase !== 'stopped' && sample.speed <= pickSpeed(options.stopped, sample.unit)) {
      const stop = describeStop(history, { index: i, sample, hadMoved: state.hasMoved, options });
      state.phase = 'stopped';
      state.stoppedSince = stop.at;
      state.lastStop = stop;
    }
  }
  return state;
}

/** Convenience for a whole history at once. */
export const analyseMotion = (
  history: readonly TrackPoint[],
  options: MotionOptions = DEFAULT_MOTION_OPTIONS,
): MotionState => advanceMotion(initialMotion(), history, options);

export const stoppedForS = (state: MotionState, t: number): number =>
  state.phase === 'stopped' && state.stoppedSince !== null ? Math.max(0, (t - state.stoppedSince) / 1000) : 0;

/** What makes a stop abrupt: real speed before, nearly all of it gone within `dropWithinS`, not a gradual brake. */
export interface AbruptCriteria {
  /** The speed `dropWithinS` before the stop must be at least this. */
  minSpeed: SpeedPair;
  /** Share of that speed that must be lost. */
  dropRatio: number;
  /** That speed must still be this share of the cruising speed; a normal brake has already shed most of it. */
  keepRatio: number;
}

/** A 0..1 score when the stop qualifies as abrupt, otherwise null. */
export function abruptStopScore(stop: StopRecord, criteria: AbruptCriteria): number | null {
  const pre = stop.preSpeed;
  if (pre === null || pre < pickSpeed(criteria.minSpeed, stop.unit)) return null;
  const drop = (pre - stop.postSpeed) / pre;
  const keep = stop.cruiseSpeed ? Math.min(1, pre / stop.cruiseSpeed) : 1;
  if (drop < criteria.dropRatio || keep < criteria.keepRatio) return null;
  return Math.min(1, Math.max(0, drop * keep));
}
