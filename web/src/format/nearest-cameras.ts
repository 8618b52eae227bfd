// The cameras closest to a point (an opened alarm, the map's centre): what the operator wants to look at.
import { distance } from '@turf/turf';
import type { Camera, LonLat } from '@toc/server/schemas';

/** Great-circle distance in metres: exact enough for ranking cameras within a province. */
export const distanceM = (a: LonLat, b: LonLat): number => distance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });

/** Enabled cameras nearest first; a camera that raised the alarm comes first whatever its distance. */
export function nearestCameras(cameras: readonly Camera[], point: LonLat, limit: number, firstId: number | null = null): Camera[] {
  return cameras
    .filter((camera) => camera.enabled)
    .map((camera) => ({ camera, rank: camera.id === firstId ? -1 : distanceM(point, camera.location) }))
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((entry) => entry.camera);
}
