// `window.__toc`: lets browser tests reach the map and know when its layers are in place.
import type { MapLibreMap } from 'maplibre-gl';

export interface TocTestHooks {
  map: MapLibreMap;
  /** True once the style has loaded and every layer was added. */
  ready: boolean;
}

declare global {
  interface Window {
    __toc?: TocTestHooks;
  }
}

export function exposeMap(map: MapLibreMap, ready: boolean): void {
  window.__toc = { map, ready };
}

export function clearExposedMap(map: MapLibreMap): void {
  if (window.__toc?.map === map) delete window.__toc;
}
