// Bounding boxes of GeoJSON geometries, for fitting the map to a district, a sub-district or a road.
import type { Geometry, Position } from 'geojson';

/** [west, south, east, north], as MapLibre's fitBounds takes it. */
export type Bounds = [number, number, number, number];

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((line) => line.forEach(visit));
    case 'MultiPolygon':
      return geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
    case 'GeometryCollection':
      return geometry.geometries.forEach((g) => eachPosition(g, visit));
  }
}

/** The box around every position, or null when there is none (an empty or malformed geometry). */
export function boundsOf(geometries: readonly (Geometry | null | undefined)[]): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries) {
    if (!geometry) continue;
    eachPosition(geometry, ([lon, lat]) => {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
      west = Math.min(west, lon!);
      east = Math.max(east, lon!);
      south = Math.min(south, lat!);
      north = Math.max(north, lat!);
    });
  }
  return west <= east ? [west, south, east, north] : null;
}

export const boundsCenter = ([west, south, east, north]: Bounds): [number, number] => [(west + east) / 2, (south + north) / 2];
