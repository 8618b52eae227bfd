// The cameras closest to a point (an opened alarm, the map's centre): what the operator wants to look at.
import type { Camera, LonLat } from '@toc/server/schemas';

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine): exact enough for ranking cameras within a province. */
export function distanceM(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Enabled cameras nearest first; a camera that raised the alarm comes first whatever its distance. */
export function nearestCameras(cameras: readonly Camera[], point: LonLat, limit: number, firstId: number | null = null): Camera[] {
  return cameras
    .filter((camera) => camera.enabled)
    .map((camera) => ({ camera, rank: camera.id === firstId ? -1 : distanceM(point, camera.location) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((entry) => entry.camera);
}
