// The finder map's own layers: the place's uncertainty circle and each proposed camera's wedge, coloured by how it
// was judged and lit up (feature state) while hovered or selected.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import type { FinderBasis, FootageSearch } from '@toc/server/schemas';
import { setSourceData } from '../map/layers/set-source-data';
import { matchProperty } from '../map/palette';
import { cameraCones, placeArea } from './camera-cones';

export const BASIS_COLORS: Record<FinderBasis, string> = {
  calibration: '#22c55e',
  'field-of-view': '#38bdf8',
  nearby: '#94a3b8',
};
export const HIGHLIGHT_COLOR = '#facc15';
export const PLACE_COLOR = '#f43f5e';

const PLACE_SOURCE = 'finder-place';
const CONES_SOURCE = 'finder-cones';
export const CONES_FILL_ID = 'finder-cones-fill';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

const lit: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const basisColor = () => matchProperty('basis', BASIS_COLORS, BASIS_COLORS.nearby);

export function addFinderLayers(map: MapLibreMap): void {
  map.addSource(PLACE_SOURCE, { type: 'geojson', data: EMPTY });
  map.addSource(CONES_SOURCE, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: `${PLACE_SOURCE}-fill`,
    type: 'fill',
    source: PLACE_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': PLACE_COLOR, 'fill-opacity': 0.14 },
  });
  map.addLayer({
    id: `${PLACE_SOURCE}-line`,
    type: 'line',
    source: PLACE_SOURCE,
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'line-color': PLACE_COLOR, 'line-width': 2, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: CONES_FILL_ID,
    type: 'fill',
    source: CONES_SOURCE,
    paint: {
      'fill-color': ['case', lit, HIGHLIGHT_COLOR, basisColor()],
      'fill-opacity': ['case', lit, 0.38, 0.12],
    },
  });
  map.addLayer({
    id: `${CONES_SOURCE}-line`,
    type: 'line',
    source: CONES_SOURCE,
    paint: {
      'line-color': ['case', lit, HIGHLIGHT_COLOR, basisColor()],
      'line-width': ['case', lit, 2.5, 1],
      'line-opacity': 0.9,
    },
  });
}

export function setFinderData(map: MapLibreMap, search: FootageSearch): void {
  setSourceData(map, PLACE_SOURCE, { type: 'FeatureCollection', features: [placeArea(search)] });
  setSourceData(map, CONES_SOURCE, cameraCones(search.cameras));
}

/** Lights up the wedges of `cameraIds` and puts out every other one. */
export function highlightCones(map: MapLibreMap, cameraIds: readonly number[], all: readonly number[]): void {
  if (!map.getSource(CONES_SOURCE)) return;
  for (const id of all)
    map.setFeatureState({ source: CONES_SOURCE, id }, { highlight: cameraIds.includes(id) });
}
