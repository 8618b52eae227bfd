// The polygon being drawn as GeoJSON: its corners, and the line through them to where the pointer is.
import type { Feature, FeatureCollection } from 'geojson';
import type { Vertex } from './polygon-geometry';

/** Corners as points (the first flagged: clicking it finishes), and the open outline ending at the pointer. */
export function drawingSketch(vertices: readonly Vertex[], pointer: Vertex | null): FeatureCollection {
  const corners: Feature[] = vertices.map((vertex, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: vertex },
    properties: { first: i === 0 },
  }));
  const path = pointer ? [...vertices, pointer] : [...vertices];
  const outline: Feature[] =
    path.length >= 2
      ? [{ type: 'Feature', geometry: { type: 'LineString', coordinates: path }, properties: {} }]
      : [];
  return { type: 'FeatureCollection', features: [...outline, ...corners] };
}
