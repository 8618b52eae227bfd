// The point a given distance and bearing from another, on the mean sphere with a local flat-earth step.
import type { LonLat } from '@toc/server/schemas';

/** ≈ 111.2 km per degree on the mean sphere, which PostGIS geography distances are close to. */
export const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/**
 * Within 0.1 % up to ~10 km, far below what the map shows at that scale; the layers only need drawing accuracy.
 * Bearing in degrees clockwise from north.
 */
export function destination(from: LonLat, bearingDeg: number, distanceM: number): [number, number] {
  const bearing = (bearingDeg * Math.PI) / 180;
  const metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180);
  return [from.lon + (distanceM * Math.sin(bearing)) / metresPerDegreeLon, from.lat + (distanceM * Math.cos(bearing)) / METRES_PER_DEGREE];
}
