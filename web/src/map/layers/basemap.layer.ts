// Offline basemap from the API's GeoJSON: district fills and outlines, sub-district outlines, major roads.
import type { FeatureCollection } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import type { BasemapLayerName } from '../../api/basemap.api';
import { BASEMAP_COLORS, matchProperty } from '../palette';

export const BASEMAP_LAYER_IDS = {
  districtsFill: 'districts-fill',
  districtsLine: 'districts-line',
  subdistrictsLine: 'subdistricts-line',
  roadsLine: 'roads-line',
} as const;

export type BasemapData = Record<BasemapLayerName, FeatureCollection | null>;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const SOURCE_IDS: Record<BasemapLayerName, string> = {
  districts: 'basemap-districts',
  subdistricts: 'basemap-subdistricts',
  roads: 'basemap-roads',
};

/** Adds the basemap layers (a layer whose data failed to load is added empty, so ids stay stable). */
export function addBasemapLayers(map: MapLibreMap, data: BasemapData): void {
  for (const name of Object.keys(SOURCE_IDS) as BasemapLayerName[]) {
    map.addSource(SOURCE_IDS[name], { type: 'geojson', data: data[name] ?? EMPTY });
  }
  map.addLayer({
    id: BASEMAP_LAYER_IDS.districtsFill,
    type: 'fill',
    source: SOURCE_IDS.districts,
    paint: { 'fill-color': BASEMAP_COLORS.districtFill, 'fill-opacity': 0.6 },
  });
  map.addLayer({
    id: BASEMAP_LAYER_IDS.subdistrictsLine,
    type: 'line',
    source: SOURCE_IDS.subdistricts,
    minzoom: 8,
    paint: {
      'line-color': BASEMAP_COLORS.subdistrictLine,
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 12, 1.2],
      'line-dasharray': [3, 2],
    },
  });
  map.addLayer({
    id: BASEMAP_LAYER_IDS.districtsLine,
    type: 'line',
    source: SOURCE_IDS.districts,
    paint: {
      'line-color': BASEMAP_COLORS.districtLine,
      'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1, 12, 2.5],
    },
  });
  map.addLayer({
    id: BASEMAP_LAYER_IDS.roadsLine,
    type: 'line',
    source: SOURCE_IDS.roads,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': matchProperty('class', BASEMAP_COLORS.roads, BASEMAP_COLORS.roads.other),
      'line-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        7,
        matchProperty('class', { motorway: 2, trunk: 1.6, primary: 1 }, 0.8),
        13,
        matchProperty('class', { motorway: 6, trunk: 4.5, primary: 3 }, 2),
      ],
      'line-opacity': 0.85,
    },
  });
}
