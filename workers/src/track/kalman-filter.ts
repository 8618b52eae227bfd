// Constant-velocity Kalman filter on a box (centre, width, height and their rates) with a variable time step.
import type { Box } from '../pipeline/types';

/**
 * State layout: x = [cx, cy, w, h, vcx, vcy, vw, vh] (pixels, pixels/s).
 * Each coordinate moves independently of the others (F, H, Q and R are per coordinate), so the 8×8
 * covariance is four independent 2×2 blocks [pos, vel]; only those are stored: P = 4 × [p00, p01, p11].
 * The result is exactly what the full 8×8 filter computes, without the matrix algebra.
 */
export interface KalmanBox {
  x: Float64Array;
  p: Float64Array;
}

/** Noise levels relative to the box size (width for cx and w, height for cy and h), so they fit near and far objects. */
export interface KalmanOptions {
  /** Detector box noise, in box sizes (std). */
  measurementStd: number;
  /** Random acceleration of the centre, box sizes per s² (std). */
  accelerationStd: number;
  /** Random acceleration of the width and height (perspective), box sizes per s² (std). */
  sizeAccelerationStd: number;
  /** Uncertainty of a new box's velocity, box sizes per s (std). */
  initialVelocityStd: number;
}

export const DEFAULT_KALMAN_OPTIONS: Readonly<KalmanOptions> = Object.freeze({
  measurementStd: 0.05,
  accelerationStd: 1,
  sizeAccelerationStd: 0.25,
  initialVelocityStd: 3,
});

/** Boxes never shrink below this while predicting (pixels), so a long coast cannot invert a box. */
const MIN_SIZE = 1;

function axisScale(x: Float64Array, axis: number): number {
  // Axes 0 and 2 (cx, w) scale with the width, 1 and 3 (cy, h) with the height.
  return Math.max(axis % 2 === 0 ? x[2]! : x[3]!, MIN_SIZE);
}

export function createKalmanBox(box: Box, options: KalmanOptions = DEFAULT_KALMAN_OPTIONS): KalmanBox {
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  const x = new Float64Array([box[0] + w / 2, box[1] + h / 2, w, h, 0, 0, 0, 0]);
  const p = new Float64Array(12);
  for (let axis = 0; axis < 4; axis++) {
    const s = axisScale(x, axis);
    const ms = 2 * options.measurementStd * s;
    const vs = options.initialVelocityStd * s;
    p[axis * 3] = ms * ms;
    p[axis * 3 + 2] = vs * vs;
  }
  return { x, p };
}

/**
 * Advances the state by `dtS` seconds in place (white-noise acceleration model). `freezeSize` zeroes the
 * size rates first: used for tracks without a recent detection, whose size should not keep drifting.
 */
export function predictKalman(
  kf: KalmanBox,
  dtS: number,
  options: KalmanOptions = DEFAULT_KALMAN_OPTIONS,
  freezeSize = false,
): void {
  const { x, p } = kf;
  if (freezeSize) {
    x[6] = 0;
    x[7] = 0;
  }
  if (!(dtS > 0) || !Number.isFinite(dtS)) return;
  const dt2 = dtS * dtS;
  for (let axis = 0; axis < 4; axis++) {
    const accel = (axis < 2 ? options.accelerationStd : options.sizeAccelerationStd) * axisScale(x, axis);
    const q = accel * accel;
    const i = axis * 3;
    const p00 = p[i]!;
    const p01 = p[i + 1]!;
    const p11 = p[i + 2]!;
    p[i] = p00 + 2 * dtS * p01 + dt2 * p11 + (q * dt2 * dtS) / 3;
    p[i + 1] = p01 + dtS * p11 + (q * dt2) / 2;
    p[i + 2] = p11 + q * dtS;
    x[axis] = x[axis]! + x[axis + 4]! * dtS;
  }
  if (x[2]! < MIN_SIZE) x[2] = MIN_SIZE;
  if (x[3]! < MIN_SIZE) x[3] = MIN_SIZE;
}

/** Corrects the state in place with a measured box. */
export function updateKalman(kf: KalmanBox, box: Box, options: KalmanOptions = DEFAULT_KALMAN_OPTIONS): void {
  const { x, p } = kf;
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  const z0 = box[0] + w / 2;
  const z1 = box[1] + h / 2;
  for (let axis = 0; axis < 4; axis++) {
    const z = axis === 0 ? z0 : axis === 1 ? z1 : axis === 2 ? w : h;
    // Noise from the measured size: the prediction's size may be off after a coast.
    const ms = options.measurementStd * Math.max(axis % 2 === 0 ? w : h, MIN_SIZE);
    const i = axis * 3;
    const p00 = p[i]!;
    const p01 = p[i + 1]!;
    const s = p00 + ms * ms;
    const k0 = p00 / s;
    const k1 = p01 / s;
    const innovation = z - x[axis]!;
    x[axis] = x[axis]! + k0 * innovation;
    x[axis + 4] = x[axis + 4]! + k1 * innovation;
    p[i] = (1 - k0) * p00;
    p[i + 1] = (1 - k0) * p01;
    p[i + 2] = p[i + 2]! - k1 * p01;
  }
  if (x[2]! < MIN_SIZE) x[2] = MIN_SIZE;
  if (x[3]! < MIN_SIZE) x[3] = MIN_SIZE;
}

export function kalmanToBox(kf: KalmanBox): Box {
  const [cx = 0, cy = 0, w = 0, h = 0] = kf.x;
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
}

/** Velocity of the box centre, pixels per second. */
export function kalmanVelocity(kf: KalmanBox): [number, number] {
  return [kf.x[4]!, kf.x[5]!];
}
