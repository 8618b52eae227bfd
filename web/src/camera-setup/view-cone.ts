// The ground a camera looks at, as a wedge on the calibration map: it shows which way to look for the picture's points.
import type { Feature, Polygon } from 'geojson';
import type { LonLat } from '@toc/server/schemas';
import { fromLocalMetres } from '@toc/server/geometry/local-metres';

/** A wedge from the camera out to `rangeM`, `fovDeg` wide about `headingDeg` (degrees from north, clockwise). */
export function viewCone(camera: LonLat, headingDeg: number, fovDeg: number, rangeM: number, arcSteps = 12): Feature<Polygon> {
  const ring: [number, number][] = [[camera.lon, camera.lat]];
  for (let i = 0; i <= arcSteps; i++) {
    const bearing = ((headingDeg - fovDeg / 2 + (fovDeg * i) / arcSteps) * Math.PI) / 180;
    const p = fromLocalMetres(camera, [rangeM * Math.sin(bearing), rangeM * Math.cos(bearing)]);
    ring.push([p.lon, p.lat]);
  }
  ring.push([camera.lon, camera.lat]);
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } };
}
