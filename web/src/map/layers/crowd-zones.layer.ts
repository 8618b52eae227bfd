// Crowd zones on the ground, filled by their latest density (people per m²); grey when there is no recent count.
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import type { CrowdZoneCollection } from '@toc/server/schemas';
import { CROWD_DENSITY_STOPS, CROWD_NO_DATA_COLOR } from '../palette';
import { paceLiveUpdate } from './live-update-pacer';
import { setSourceData } from './set-source-data';

export const CROWD_ZONES_FILL_ID = 'crowd-zones-fill';
export const CROWD_ZONES_LINE_ID = 'crowd-zones-line';
export const CROWD_LAYER_IDS = [CROWD_ZONES_FILL_ID, CROWD_ZONES_LINE_ID] as const;
const SOURCE_ID = 'crowd-zones';

const EMPTY: CrowdZoneCollection = { type: 'FeatureCollection', features: [] };

const densityColor: ExpressionSpecification = [
  'case',
  ['any', ['get', 'stale'], ['==', ['get', 'density'], null]],
  CROWD_NO_DATA_COLOR,
  ['interpolate', ['linear'], ['to-number', ['get', 'density']], ...CROWD_DENSITY_STOPS.flat()],
] as unknown as ExpressionSpecification;

const overThreshold: ExpressionSpecification = [
  'all',
  ['!', ['get', 'stale']],
  ['!=', ['get', 'alertAbove'], null],
  ['!=', ['get', 'density'], null],
  ['>=', ['to-number', ['get', 'density']], ['to-number', ['get', 'alertAbove']]],
];

export function addCrowdZonesLayer(map: MapLibreMap): void {
  map.addSource(SOURCE_ID, { type: 'geojson', data: EMPTY });
  map.addLayer({
    id: CROWD_ZONES_FILL_ID,
    type: 'fill',
    source: SOURCE_ID,
    paint: { 'fill-color': densityColor, 'fill-opacity': 0.45 },
  });
  map.addLayer({
    id: CROWD_ZONES_LINE_ID,
    type: 'line',
    source: SOURCE_ID,
    paint: {
      'line-color': densityColor,
      // Thicker while the zone is over its alert threshold.
      'line-width': ['case', overThreshold, 3.5, 1.5],
    },
  });
}

export function setCrowdZones(map: MapLibreMap, zones: CrowdZoneCollection | null): void {
  paceLiveUpdate(map, SOURCE_ID, () => setSourceData(map, SOURCE_ID, zones ?? EMPTY));
}
