// Plane-to-plane homographies: fit by normalised DLT, apply, invert.
//
// A homography is 9 numbers, row-major 3×3, mapping [x, y, 1] to [X·w, Y·w, w]. It is only defined up to scale;
// this module keeps it at unit Frobenius norm and with w > 0 at the points it was fitted on, so "w ≤ 0" means
// "on the far side of the horizon" wherever it is applied.
import { rightSingular } from './jacobi-svd';

/** A row-major 3×3 matrix spelled out, so destructuring it is typed. */
type Mat3 = [number, number, number, number, number, number, number, number, number];

export type Vec2 = readonly [number, number];

export interface HomographyFit {
  h: number[];
  /**
   * Singular values of the normalised 2N×9 DLT system, largest first. values[8] near 0 means the points agree
   * with one homography; values[7] near 0 (relative to values[0]) means more than one fits — a degenerate layout.
   */
  singularValues: number[];
}

/** Relative size below which w counts as zero: the point maps to infinity. */
const W_EPS = 1e-9;

/** Hartley normalisation: move the centroid to 0 and scale so the mean distance from it is √2. */
function normaliser(points: readonly Vec2[]): { t: number[]; apply: (p: Vec2) => [number, number] } {
  let cx = 0;
  let cy = 0;
  for (const [x, y] of points) {
    cx += x;
    cy += y;
  }
  cx /= points.length;
  cy /= points.length;
  let meanDist = 0;
  for (const [x, y] of points) meanDist += Math.hypot(x - cx, y - cy);
  meanDist /= points.length;
  if (!(meanDist > 0) || !Number.isFinite(meanDist))
    throw new RangeError('fitHomography: points have no spread');
  const s = Math.SQRT2 / meanDist;
  return { t: [s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1], apply: ([x, y]) => [s * (x - cx), s * (y - cy)] };
}

export function multiply3(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out.push(a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!);
    }
  }
  return out;
}

export function determinant3(m: readonly number[]): number {
  const [a, b, c, d, e, f, g, h, i] = m as Mat3;
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

/** The w (third homogeneous coordinate) a point maps to. */
export function homographyW(h: readonly number[], [x, y]: Vec2): number {
  return h[6]! * x + h[7]! * y + h[8]!;
}

function scaled(h: readonly number[], k: number): number[] {
  return h.map((v) => v * k);
}

/**
 * Fit the homography taking each src point to its dst point (least squares in the algebraic sense) by the
 * normalised DLT: Hartley-normalise both point sets so the system is well scaled, take the right singular vector
 * of the smallest singular value (one-sided Jacobi SVD, see jacobi-svd.ts), then undo the normalisation.
 * Throws RangeError on fewer than 4 points, mismatched lengths, non-finite values or a point set with no spread;
 * it does not judge degeneracy — read `singularValues` for that.
 */
export function fitHomographyDetailed(src: readonly Vec2[], dst: readonly Vec2[]): HomographyFit {
  if (src.length !== dst.length) throw new RangeError('fitHomography: src and dst differ in length');
  if (src.length < 4) throw new RangeError('fitHomography: needs at least 4 point pairs');
  if ([...src, ...dst].some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) {
    throw new RangeError('fitHomography: non-finite coordinate');
  }
  const ns = normaliser(src);
  const nd = normaliser(dst);
  const rows: number[][] = [];
  for (let i = 0; i < src.length; i++) {
    const [x, y] = ns.apply(src[i]!);
    const [u, v] = nd.apply(dst[i]!);
    // Each correspondence gives two rows of [x y 1]ᵀ × H[x y 1]ᵀ = 0.
    rows.push([0, 0, 0, -x, -y, -1, v * x, v * y, v]);
    rows.push([x, y, 1, 0, 0, 0, -u * x, -u * y, -u]);
  }
  const { values, vectors } = rightSingular(rows);
  const hn = vectors[vectors.length - 1]!;
  // H = T_dst⁻¹ · Ĥ · T_src
  const [s, , tx, , , ty] = nd.t as [number, number, number, number, number, number];
  const dstInverse = [1 / s, 0, -tx / s, 0, 1 / s, -ty / s, 0, 0, 1];
  let h = multiply3(dstInverse, multiply3(hn, ns.t));
  const norm = Math.hypot(...h);
  // w is affine in (x, y), so its mean over the points is its value at their centroid; make that positive.
  const meanW = src.reduce((sum, p) => sum + homographyW(h, p), 0) / src.length;
  h = scaled(h, (meanW < 0 ? -1 : 1) / norm);
  return { h, singularValues: values };
}

/** The homography taking src[i] to dst[i]; see {@link fitHomographyDetailed}. */
export function fitHomography(src: readonly Vec2[], dst: readonly Vec2[]): number[] {
  return fitHomographyDetailed(src, dst).h;
}

/** Map a point; null when it lands at infinity or beyond the horizon (w ≤ ~0 under this module's sign convention). */
export function applyHomography(h: readonly number[], p: Vec2): [number, number] | null {
  const [x, y] = p;
  const w = homographyW(h, p);
  const size = Math.abs(h[6]! * x) + Math.abs(h[7]! * y) + Math.abs(h[8]!);
  // Relative test so the answer does not depend on the matrix's scale; !(>) also rejects NaN.
  if (!(w > W_EPS * size)) return null;
  const X = (h[0]! * x + h[1]! * y + h[2]!) / w;
  const Y = (h[3]! * x + h[4]! * y + h[5]!) / w;
  return Number.isFinite(X) && Number.isFinite(Y) ? [X, Y] : null;
}

/**
 * The inverse mapping, or null when h is singular. It is the true inverse (adjugate ÷ determinant) rather than
 * the bare adjugate: dividing by a negative determinant keeps w > 0 on the mapped side, so the horizon test in
 * {@link applyHomography} still holds for the inverse. Rescaled (by a positive factor) to unit Frobenius norm.
 */
export function invertHomography(h: readonly number[]): number[] | null {
  const [a, b, c, d, e, f, g, k, i] = h as Mat3;
  const adj = [
    e * i - f * k,
    c * k - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * k - e * g,
    b * g - a * k,
    a * e - b * d,
  ];
  const det = a * adj[0]! + b * adj[3]! + c * adj[6]!;
  const size = Math.hypot(...h);
  // Singular relative to the matrix's own scale (det scales with size³).
  if (!Number.isFinite(det) || Math.abs(det) <= 1e-14 * size ** 3) return null;
  const inv = scaled(adj, 1 / det);
  return scaled(inv, 1 / Math.hypot(...inv));
}
