// Adds the crash analysis layers in their order, and shows or hides them by the page's switches.
import type { MapLibreMap } from 'maplibre-gl';
import { addClustersLayers } from './clusters.layer';
import { CRASH_LAYER_GROUPS, type CrashLayerVisibility } from './crash-layer-ids';
import { addDrawnPolygonLayers } from './drawn-polygon.layer';
import { addHeatmapLayer } from './heatmap.layer';
import { addHotspotsLayers } from './hotspots.layer';
import { addPointsLayers } from './points.layer';
import { addSectionsLayers } from './sections.layer';

/**
 * Bottom to top: the heatmap, hot spots, crash points, clusters, sections, then the drawn area and the polygon being
 * drawn.
 */
export function addCrashLayers(map: MapLibreMap, tiles: { heatmap: string; points: string }): void {
  addHeatmapLayer(map, tiles.heatmap);
  addHotspotsLayers(map);
  addPointsLayers(map, tiles.points);
  addClustersLayers(map);
  addSectionsLayers(map);
  addDrawnPolygonLayers(map);
}

export function applyCrashLayerVisibility(map: MapLibreMap, visibility: CrashLayerVisibility): void {
  for (const group of Object.keys(CRASH_LAYER_GROUPS) as (keyof CrashLayerVisibility)[]) {
    for (const id of CRASH_LAYER_GROUPS[group]) {
      if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visibility[group] ? 'visible' : 'none');
    }
  }
}
