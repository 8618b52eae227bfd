// DBSCAN clusters: a dashed hull round each cluster's crashes, and a circle at its centre sized by and
// labelled with its crash count.
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, MapLibreMap } from 'maplibre-gl';
import type { CrashClusterCollection } from '@toc/server/schemas';
import { setSourceData } from '../../map/layers/set-source-data';
import { CRASH_EXTRA_LAYER_IDS, CRASH_LAYER_IDS, CRASH_SOURCE_IDS } from './crash-layer-ids';
import { clusterPoints, EMPTY_COLLECTION } from './crash-features';
import { CLUSTER_COLORS } from './crash-map-palette';
import { numberIcon } from './number-icons';

/** Area grows with crashes (radius with the square root), from 10 px for a few crashes to 34 px at 1,000. */
const radius = [
  'interpolate',
  ['linear'],
  ['sqrt', ['to-number', ['get', 'crashes']]],
  1,
  10,
  Math.sqrt(1000),
  34,
] as unknown as ExpressionSpecification;

export function addClustersLayers(map: MapLibreMap): void {
  map.addSource(CRASH_SOURCE_IDS.clusterHulls, { type: 'geojson', data: EMPTY_COLLECTION });
  map.addSource(CRASH_SOURCE_IDS.clusterPoints, { type: 'geojson', data: EMPTY_COLLECTION });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.clustersHull,
    type: 'line',
    source: CRASH_SOURCE_IDS.clusterHulls,
    paint: { 'line-color': CLUSTER_COLORS.hull, 'line-width': 1.5, 'line-dasharray': [2, 2] },
  });
  map.addLayer({
    id: CRASH_LAYER_IDS.clusters,
    type: 'circle',
    source: CRASH_SOURCE_IDS.clusterPoints,
    paint: {
      'circle-radius': radius,
      'circle-color': CLUSTER_COLORS.fill,
      'circle-opacity': 0.8,
      'circle-stroke-color': CLUSTER_COLORS.ring,
      'circle-stroke-width': 1.5,
    },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.clustersCount,
    type: 'symbol',
    source: CRASH_SOURCE_IDS.clusterPoints,
    layout: { 'icon-image': numberIcon('label'), 'icon-allow-overlap': true, 'icon-ignore-placement': true },
  });
}

export function setClusters(map: MapLibreMap, clusters: CrashClusterCollection | null): void {
  const hulls: FeatureCollection = { type: 'FeatureCollection', features: clusters?.features ?? [] };
  setSourceData(map, CRASH_SOURCE_IDS.clusterHulls, hulls);
  setSourceData(map, CRASH_SOURCE_IDS.clusterPoints, clusterPoints(clusters));
}
