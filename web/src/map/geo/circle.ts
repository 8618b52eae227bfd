// A circle of a given radius in metres around a point, as a GeoJSON ring (the 10 km elephant warning radius).
import type { LonLat } from '@toc/server/schemas';

/** On the mean sphere, as PostGIS geography distances are close to: ≈ 111.2 km per degree. */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/** Local flat-earth approximation on the sphere: within 0.1 % at 10 km, far below what a map at that scale shows. */
export function circleRing(center: LonLat, radiusM: number, steps = 64): [number, number][] {
  const metresPerDegreeLon = METRES_PER_DEGREE * Math.cos((center.lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const angle = (i / steps) * 2 * Math.PI;
    ring.push([
      center.lon + (radiusM * Math.sin(angle)) / metresPerDegreeLon,
      center.lat + (radiusM * Math.cos(angle)) / METRES_PER_DEGREE,
    ]);
  }
  return ring;
}
