// Crash points: the API's vector tiles — from zoom 14 each crash coloured by its worst outcome, further out clusters
// sized by and labelled with their crash count.
import type { ExpressionSpecification, MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { SINGLE_CRASH_ZOOM } from '@toc/server/schemas';
import { CRASH_EXTRA_LAYER_IDS, CRASH_LAYER_IDS, CRASH_SOURCE_IDS } from './crash-layer-ids';
import { POINT_RING, SEVERITY_COLORS } from './crash-map-palette';
import { numberIcon } from './number-icons';

/** The tiles' layer name (POINTS_LAYER of the server's crash-points repository). */
export const POINTS_SOURCE_LAYER = 'crash-points';

const crashes = ['to-number', ['get', 'crashes']];
/** A single crash is a 5 px dot; a cluster's area grows with its crashes, from 9 px to 28 px at 10,000. */
const radius = [
  'case',
  ['<=', crashes, 1],
  5,
  ['interpolate', ['linear'], ['sqrt', crashes], Math.sqrt(2), 9, 100, 28],
] as unknown as ExpressionSpecification;

const color = [
  'match',
  ['get', 'severity'],
  ...Object.entries(SEVERITY_COLORS).flat(),
  SEVERITY_COLORS.damage_only,
] as unknown as ExpressionSpecification;

export function addPointsLayers(map: MapLibreMap, tiles: string): void {
  map.addSource(CRASH_SOURCE_IDS.points, {
    type: 'vector',
    tiles: [tiles],
    // The zoom-14 tile holds every crash: deeper, it is drawn larger rather than asked for again.
    maxzoom: SINGLE_CRASH_ZOOM,
  });
  map.addLayer({
    id: CRASH_LAYER_IDS.points,
    type: 'circle',
    source: CRASH_SOURCE_IDS.points,
    'source-layer': POINTS_SOURCE_LAYER,
    paint: {
      'circle-radius': radius,
      'circle-color': color,
      'circle-opacity': 0.85,
      'circle-stroke-color': POINT_RING,
      'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: CRASH_EXTRA_LAYER_IDS.pointsCount,
    type: 'symbol',
    source: CRASH_SOURCE_IDS.points,
    'source-layer': POINTS_SOURCE_LAYER,
    filter: ['>', crashes, 1] as unknown as ExpressionSpecification,
    layout: {
      'icon-image': numberIcon('crashes'),
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  });
}

/** A new filter: the same source fetches the new tiles (no map rebuild, the camera stays). */
export function setPointsTiles(map: MapLibreMap, tiles: string): void {
  const source = map.getSource<VectorTileSource>(CRASH_SOURCE_IDS.points);
  if (source && source.tiles[0] !== tiles) source.setTiles([tiles]);
}
