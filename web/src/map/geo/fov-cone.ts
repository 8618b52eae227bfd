// A camera's field of view on the ground: a closed wedge from the camera along its heading, `fovDeg` wide.
import { destination } from '@turf/turf';
import type { LonLat } from '@toc/server/schemas';

/** Arc vertices per 90° of view: smooth at street zoom without bloating the source. */
const STEPS_PER_QUARTER = 8;

/**
 * The wedge as a GeoJSON ring: camera, arc from the left edge (heading − fov/2) clockwise to the right edge,
 * back to the camera. `rangeM` is how far to draw it (a drawing distance, not a measured sight distance).
 */
export function fovCone(camera: LonLat, headingDeg: number, fovDeg: number, rangeM: number): [number, number][] {
  const fov = Math.min(Math.max(fovDeg, 1), 360);
  const steps = Math.max(2, Math.ceil((fov / 90) * STEPS_PER_QUARTER));
  const start = headingDeg - fov / 2;
  const apex: [number, number] = [camera.lon, camera.lat];
  const ring: [number, number][] = [apex];
  for (let i = 0; i <= steps; i++) {
    ring.push(destination(apex, rangeM, start + (i / steps) * fov, { units: 'meters' }).geometry.coordinates as [number, number]);
  }
  ring.push(apex);
  return ring;
}
