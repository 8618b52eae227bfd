// A circle of a given radius in metres around a point, as a GeoJSON ring (the 10 km elephant warning radius).
import type { LonLat } from '@toc/server/schemas';
import { destination } from './destination';

export function circleRing(center: LonLat, radiusM: number, steps = 64): [number, number][] {
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) ring.push(destination(center, (i / steps) * 360, radiusM));
  return ring;
}
