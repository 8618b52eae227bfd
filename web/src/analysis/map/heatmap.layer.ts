// The hexagon heatmap: the API's vector tiles, filled by crashes per hexagon on a yellow-to-red ramp.
import type { ExpressionSpecification, MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { MAX_TILE_ZOOM } from '@toc/server/schemas';
import { CRASH_LAYER_IDS, CRASH_SOURCE_IDS } from './crash-layer-ids';
import { HEATMAP_CRASH_STOPS, HEATMAP_OPACITY } from './crash-map-palette';

/** The tiles' layer name (HEATMAP_LAYER of the server's crash-heatmap repository). */
export const HEATMAP_SOURCE_LAYER = 'crashes';

const crashColor = [
  'interpolate',
  ['linear'],
  ['to-number', ['get', 'crashes']],
  ...HEATMAP_CRASH_STOPS.flat(),
] as unknown as ExpressionSpecification;

export function addHeatmapLayer(map: MapLibreMap, tiles: string): void {
  map.addSource(CRASH_SOURCE_IDS.heatmap, {
    type: 'vector',
    tiles: [tiles],
    // Hexagons are sized to the tile, so the deepest tile is asked for rather than overzoomed.
    maxzoom: MAX_TILE_ZOOM,
  });
  map.addLayer({
    id: CRASH_LAYER_IDS.heatmap,
    type: 'fill',
    source: CRASH_SOURCE_IDS.heatmap,
    'source-layer': HEATMAP_SOURCE_LAYER,
    filter: ['>', ['to-number', ['get', 'crashes']], 0],
    paint: {
      'fill-color': crashColor,
      'fill-opacity': HEATMAP_OPACITY,
      'fill-outline-color': 'rgba(11, 18, 32, 0.4)',
    },
  });
}

/** A new filter: the same source fetches the new tiles (no map rebuild, the camera stays). */
export function setHeatmapTiles(map: MapLibreMap, tiles: string): void {
  const source = map.getSource<VectorTileSource>(CRASH_SOURCE_IDS.heatmap);
  if (source && source.tiles[0] !== tiles) source.setTiles([tiles]);
}
