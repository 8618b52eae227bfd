// Moves the map to a search result or a district: close in on a point, or fit an area with some margin.
import type { MapLibreMap } from 'maplibre-gl';
import { clearFoundArea, showFoundArea } from '../layers/found-area.layer';
import type { SearchTarget } from './search-index';

const FIT_PADDING = 48;
/** A small sub-district should not zoom in past street level. */
const FIT_MAX_ZOOM = 15;

export function flyToTarget(map: MapLibreMap, target: SearchTarget): void {
  if ('center' in target) {
    map.flyTo({ center: target.center, zoom: Math.max(map.getZoom(), target.zoom) });
    return;
  }
  const [west, south, east, north] = target.bounds;
  map.fitBounds([[west, south], [east, north]], { padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM });
}

/** Flies there and outlines a found district or sub-district with its name, or clears the last outline. */
export function showTarget(map: MapLibreMap, target: SearchTarget, name: string): void {
  flyToTarget(map, target);
  if ('outline' in target && target.outline) showFoundArea(map, target.outline, name);
  else clearFoundArea(map);
}
