// Reading a Gi* z-score: its two-sided p-value and the hot/cold class at 90, 95 and 99 % confidence (as ArcGIS's
// Hot Spot Analysis bins them; no correction for testing many hexagons at once, which the API description states).
import type { HotspotClass } from '../schemas';

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export const twoSidedP = (z: number): number => 2 * (1 - normalCdf(Math.abs(z)));

export function hotspotClass(z: number | null): HotspotClass {
  if (z === null) return 'not_significant';
  const side: 'hot' | 'cold' = z > 0 ? 'hot' : 'cold';
  const size = Math.abs(z);
  if (size >= 2.576) return `${side}_99`;
  if (size >= 1.96) return `${side}_95`;
  if (size >= 1.645) return `${side}_90`;
  return 'not_significant';
}
