// The drawn area (outline and light fill) and the polygon being drawn (dashed outline and corners), on top.
import type { FeatureCollection } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import { setSourceData } from '../../map/layers/set-source-data';
import type { DrawnPolygon } from '../crash-filter-state';
import { CRASH_EXTRA_LAYER_IDS, CRASH_LAYER_IDS, CRASH_SOURCE_IDS } from './crash-layer-ids';
import { EMPTY_COLLECTION } from './crash-features';
import { DRAW_COLORS } from './crash-map-palette';

export function addDrawnPolygonLayers(map: MapLibreMap): void {
  map.addSource(CRASH_SOURCE_IDS.drawn, { type: 'geojson', data: EMPTY_COLLECTION });
  map.addSource(CRASH_SOURCE_IDS.drawing, { type: 'geojson', data: EMPTY_COLLECTION });
  map.addLayer({
    id: CRASH_LAYER_IDS.drawn,
    type: 'fill',
    source: CRASH_SOURCE_IDS.drawn,
    paint: { 'fill-color': DRAW_COLORS.fill, 'fill-opacity': 0.1 },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.drawnLine,
    type: 'line',
    source: CRASH_SOURCE_IDS.drawn,
    paint: { 'line-color': DRAW_COLORS.line, 'line-width': 2.5 },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.drawingLine,
    type: 'line',
    source: CRASH_SOURCE_IDS.drawing,
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': DRAW_COLORS.line, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.drawingVertices,
    type: 'circle',
    source: CRASH_SOURCE_IDS.drawing,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      // The first corner is larger: clicking it closes the area.
      'circle-radius': ['case', ['==', ['get', 'first'], true], 7, 5],
      'circle-color': DRAW_COLORS.vertex,
      'circle-stroke-color': DRAW_COLORS.line,
      'circle-stroke-width': 2,
    },
  });
}

export function setDrawnPolygon(map: MapLibreMap, polygon: DrawnPolygon | null): void {
  const data: FeatureCollection = polygon
    ? { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: polygon, properties: {} }] }
    : EMPTY_COLLECTION;
  setSourceData(map, CRASH_SOURCE_IDS.drawn, data);
}

export function setDrawingSketch(map: MapLibreMap, sketch: FeatureCollection): void {
  setSourceData(map, CRASH_SOURCE_IDS.drawing, sketch);
}
