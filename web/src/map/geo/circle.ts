// A circle of a given radius in metres around a point, as a GeoJSON ring (the 10 km elephant warning radius).
import { circle } from '@turf/turf';
import type { LonLat } from '@toc/server/schemas';

export function circleRing(center: LonLat, radiusM: number, steps = 64): [number, number][] {
  const polygon = circle([center.lon, center.lat], radiusM, { steps, units: 'meters' });
  return polygon.geometry.coordinates[0] as [number, number][];
}
