// Gi* hot spots: hexagons filled by their class (reds hot, blues cold); not significant ones only outlined.
import type { FeatureCollection } from 'geojson';
import type { MapLibreMap } from 'maplibre-gl';
import type { CrashHotspotReply } from '@toc/server/schemas';
import { matchProperty } from '../../map/palette';
import { setSourceData } from '../../map/layers/set-source-data';
import { CRASH_EXTRA_LAYER_IDS, CRASH_LAYER_IDS, CRASH_SOURCE_IDS } from './crash-layer-ids';
import { EMPTY_COLLECTION } from './crash-features';
import { HOTSPOT_CLASS_COLORS, HOTSPOT_FILL_OPACITY } from './crash-map-palette';

export function addHotspotsLayers(map: MapLibreMap): void {
  map.addSource(CRASH_SOURCE_IDS.hotspots, { type: 'geojson', data: EMPTY_COLLECTION });
  map.addLayer({
    id: CRASH_LAYER_IDS.hotspots,
    type: 'fill',
    source: CRASH_SOURCE_IDS.hotspots,
    paint: {
      'fill-color': matchProperty('class', HOTSPOT_CLASS_COLORS, HOTSPOT_CLASS_COLORS.not_significant),
      // Transparent rather than filtered out: a click on a not significant hexagon still tells its z-score.
      'fill-opacity': ['match', ['get', 'class'], 'not_significant', 0, HOTSPOT_FILL_OPACITY],
    },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.hotspotsLine,
    type: 'line',
    source: CRASH_SOURCE_IDS.hotspots,
    paint: {
      'line-color': matchProperty('class', HOTSPOT_CLASS_COLORS, HOTSPOT_CLASS_COLORS.not_significant),
      'line-width': ['match', ['get', 'class'], 'not_significant', 0.5, 1],
      'line-opacity': ['match', ['get', 'class'], 'not_significant', 0.5, 0.9],
    },
  });
}

export function setHotspots(map: MapLibreMap, hotspots: CrashHotspotReply | null): void {
  // Only the features: the reply's foreign members (region, cell size) are no map data.
  const features: FeatureCollection = { type: 'FeatureCollection', features: hotspots?.features ?? [] };
  setSourceData(map, CRASH_SOURCE_IDS.hotspots, features);
}
