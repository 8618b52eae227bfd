// Bounding boxes of GeoJSON geometries, for fitting the map to a district, a sub-district or a road.
import { bbox, feature, featureCollection } from '@turf/turf';
import type { Geometry } from 'geojson';

/** [west, south, east, north], as MapLibre's fitBounds takes it. */
export type Bounds = [number, number, number, number];

/** The box around every position, or null when there is none (an empty or malformed geometry). */
export function boundsOf(geometries: readonly (Geometry | null | undefined)[]): Bounds | null {
  const present = geometries.filter((g): g is Geometry => !!g);
  if (present.length === 0) return null;
  const [west, south, east, north] = bbox(featureCollection(present.map((g) => feature(g)))) as Bounds;
  return [west, south, east, north].every(Number.isFinite) && west <= east ? [west, south, east, north] : null;
}

export const boundsCenter = ([west, south, east, north]: Bounds): [number, number] => [(west + east) / 2, (south + north) / 2];
