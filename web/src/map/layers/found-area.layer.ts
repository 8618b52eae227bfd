// The district or sub-district the map search found: outlined on the map and labelled with its name (an HTML
// label, in the bundled font like the district names), until the next search replaces or clears it.
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { Marker, type MapLibreMap } from 'maplibre-gl';
import { labelPoint } from '../geo/label-point';
import { setSourceData } from './set-source-data';

export const FOUND_AREA_LINE_ID = 'found-area-line';
const SOURCE_ID = 'found-area';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The label shown for each map; one found area at a time. */
const labels = new WeakMap<MapLibreMap, Marker>();

function ensureLayer(map: MapLibreMap): void {
  if (map.getSource(SOURCE_ID)) return;
  map.addSource(SOURCE_ID, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: FOUND_AREA_LINE_ID,
    type: 'line',
    source: SOURCE_ID,
    paint: { 'line-color': '#facc15', 'line-width': 3, 'line-dasharray': [2, 1] },
  });
}

export function showFoundArea(map: MapLibreMap, outline: Polygon | MultiPolygon, name: string): void {
  ensureLayer(map);
  setSourceData(map, SOURCE_ID, { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: outline, properties: {} }] });
  labels.get(map)?.remove();
  const point = labelPoint(outline);
  if (!point) return;
  const element = document.createElement('div');
  element.className = 'map-label found-area-label';
  element.dataset.testid = 'found-area-label';
  element.textContent = name;
  labels.set(map, new Marker({ element, anchor: 'center' }).setLngLat(point).addTo(map));
}

export function clearFoundArea(map: MapLibreMap): void {
  labels.get(map)?.remove();
  labels.delete(map);
  if (map.getSource(SOURCE_ID)) setSourceData(map, SOURCE_ID, EMPTY);
}
