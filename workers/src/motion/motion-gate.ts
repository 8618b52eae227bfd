// Decides per frame whether running the detector is worth it, by differencing a grey thumbnail against a background.
import type { BoxScale } from '@toc/models';
import type { Box } from '../pipeline/types';
import { findRegions, regionScratch, type RegionScratch } from './connected-regions';

export interface MotionGateOptions {
  /** A pixel has changed when it differs from the background by more than this (grey levels). */
  pixelThreshold: number;
  /** Motion needs at least this fraction of the thumbnail's pixels changed. */
  minChangedRatio: number;
  /** Time constant of the background's exponential moving average: light drifting slower than this is absorbed. */
  backgroundTauMs: number;
  /**
   * Subtract the median difference before thresholding, so a camera exposure step or a cloud shadow over
   * the whole view is not motion. Objects covering less than half the view are unaffected.
   */
  compensateGlobal: boolean;
  /** Dilation radius (grid pixels) before the connected components: joins one object's scattered edges. */
  dilate: number;
  /** Regions with fewer changed pixels than this are dropped as noise. */
  minRegionPixels: number;
  /** Detect at least this often, so stationary tracked objects are re-checked. */
  recheckMs: number;
}

export const DEFAULT_MOTION_GATE_OPTIONS: Readonly<MotionGateOptions> = Object.freeze({
  pixelThreshold: 25,
  minChangedRatio: 0.002,
  backgroundTauMs: 1000,
  compensateGlobal: true,
  dilate: 1,
  minRegionPixels: 3,
  recheckMs: 2000,
});

export type GateReason = 'motion' | 'recheck' | 'idle' | 'first';

export interface MotionGateStats {
  frames: number;
  /** Frames with detect = true. */
  detected: number;
  /** Frames with detect = false (detection skipped). */
  gated: number;
  byReason: Record<GateReason, number>;
}

/** Opaque gate state: create with createMotionGate and pass to updateMotionGate. Fields are internal. */
export interface MotionGateState {
  readonly options: Readonly<MotionGateOptions>;
  background: Float32Array | null;
  width: number;
  height: number;
  lastT: number;
  lastDetectT: number;
  diff: Float32Array;
  mask: Uint8Array;
  histogram: Uint32Array;
  scratch: RegionScratch;
  stats: MotionGateStats;
}

export interface MotionGateResult {
  state: MotionGateState;
  motion: boolean;
  /** Changed pixels / all thumbnail pixels. */
  motionRatio: number;
  /** Moving areas in thumbnail pixels (exclusive right/bottom edges); see regionsToSource. */
  regions: Box[];
  /** Whether to run the detector on this frame. */
  detect: boolean;
  reason: GateReason;
}

/** The grey image the gate reads (a GreyImage from greyThumbnail fits). */
export interface GreyFrame {
  data: Uint8Array;
  width: number;
  height: number;
}

export function createMotionGate(options: Partial<MotionGateOptions> = {}): MotionGateState {
  const resolved: MotionGateOptions = { ...DEFAULT_MOTION_GATE_OPTIONS, ...options };
  if (!(resolved.backgroundTauMs > 0)) throw new RangeError(`backgroundTauMs must be > 0`);
  if (!(Number.isInteger(resolved.dilate) && resolved.dilate >= 0))
    throw new RangeError(`dilate must be an integer ≥ 0`);
  return {
    options: Object.freeze(resolved),
    background: null,
    width: 0,
    height: 0,
    lastT: 0,
    lastDetectT: 0,
    diff: new Float32Array(0),
    mask: new Uint8Array(0),
    histogram: new Uint32Array(511),
    scratch: regionScratch(0),
    stats: { frames: 0, detected: 0, gated: 0, byReason: { first: 0, motion: 0, recheck: 0, idle: 0 } },
  };
}

function reset(state: MotionGateState, grey: GreyFrame): void {
  const size = grey.width * grey.height;
  state.background = Float32Array.from(grey.data.subarray(0, size));
  state.width = grey.width;
  state.height = grey.height;
  state.diff = new Float32Array(size);
  state.mask = new Uint8Array(size);
  state.scratch = regionScratch(size);
}

/** Median of the rounded differences, from a histogram (O(n), no sort). */
function medianDifference(diff: Float32Array, histogram: Uint32Array): number {
  histogram.fill(0);
  for (let i = 0; i < diff.length; i++) histogram[Math.round(diff[i]!) + 255]!++;
  const half = diff.length / 2;
  let seen = 0;
  for (let bin = 0; bin < histogram.length; bin++) {
    seen += histogram[bin]!;
    if (seen >= half) return bin - 255;
  }
  return 0;
}

/**
 * One thumbnail at time `tMs`. The state is updated in place and returned (use the returned value as if
 * it were new). The background only follows the image, it never freezes: an object that stops blends in
 * after about backgroundTauMs, so a parked car stops triggering detection and is picked up by the recheck.
 * The first frame, a change of thumbnail size and time going backwards (a stream restart) reset the gate.
 * The gate assumes the caller runs the detector whenever `detect` is true (that restarts the recheck timer).
 */
export function updateMotionGate(state: MotionGateState, grey: GreyFrame, tMs: number): MotionGateResult {
  const { options, stats } = state;
  const size = grey.width * grey.height;
  if (grey.data.length < size)
    throw new RangeError(`grey image has ${grey.data.length} bytes, expected ${size}`);
  stats.frames++;
  const restart =
    state.background === null ||
    grey.width !== state.width ||
    grey.height !== state.height ||
    tMs < state.lastT;
  if (restart) {
    reset(state, grey);
    state.lastT = tMs;
    state.lastDetectT = tMs;
    return finish(state, { motion: false, motionRatio: 0, regions: [], detect: true, reason: 'first' });
  }
  const background = state.background!;
  const { diff, mask } = state;
  const data = grey.data;
  for (let i = 0; i < size; i++) diff[i] = data[i]! - background[i]!;
  const offset = options.compensateGlobal ? medianDifference(diff, state.histogram) : 0;
  let changed = 0;
  for (let i = 0; i < size; i++) {
    const on = Math.abs(diff[i]! - offset) > options.pixelThreshold ? 1 : 0;
    mask[i] = on;
    changed += on;
  }
  const motionRatio = size > 0 ? changed / size : 0;
  const regions =
    motionRatio >= options.minChangedRatio && changed > 0
      ? findRegions(mask, grey.width, grey.height, options.dilate, options.minRegionPixels, state.scratch)
      : [];
  const motion = regions.length > 0;

  // Time-based rate: irregular frame intervals blend the same amount of light change per second.
  const alpha = 1 - Math.exp(-(tMs - state.lastT) / options.backgroundTauMs);
  if (alpha > 0) for (let i = 0; i < size; i++) background[i] = background[i]! + alpha * diff[i]!;
  state.lastT = tMs;

  let reason: GateReason = 'idle';
  if (motion) reason = 'motion';
  else if (tMs - state.lastDetectT >= options.recheckMs) reason = 'recheck';
  const detect = reason !== 'idle';
  if (detect) state.lastDetectT = tMs;
  return finish(state, { motion, motionRatio, regions, detect, reason });
}

function finish(state: MotionGateState, result: Omit<MotionGateResult, 'state'>): MotionGateResult {
  const { stats } = state;
  stats.byReason[result.reason]++;
  if (result.detect) stats.detected++;
  else stats.gated++;
  return { state, ...result };
}

export function motionGateStats(state: MotionGateState): MotionGateStats & { gatedRatio: number } {
  const { stats } = state;
  return {
    ...stats,
    byReason: { ...stats.byReason },
    gatedRatio: stats.frames > 0 ? stats.gated / stats.frames : 0,
  };
}

/**
 * Thumbnail boxes → source-image pixels: × factor gives model-input pixels, × scaleX / scaleY (the
 * BoxScale of frameGeometry) gives source pixels. `bounds` clamps to the source image.
 */
export function regionsToSource(
  regions: readonly Box[],
  factor: number,
  scale: BoxScale = { scaleX: 1, scaleY: 1 },
  bounds?: { width: number; height: number },
): Box[] {
  const sx = factor * scale.scaleX;
  const sy = factor * scale.scaleY;
  const maxX = bounds?.width ?? Number.POSITIVE_INFINITY;
  const maxY = bounds?.height ?? Number.POSITIVE_INFINITY;
  return regions.map(([x1, y1, x2, y2]): Box => [
    Math.min(x1 * sx, maxX),
    Math.min(y1 * sy, maxY),
    Math.min(x2 * sx, maxX),
    Math.min(y2 * sy, maxY),
  ]);
}
