// Starts a MapLibre map as every map here does: the offline base style, no rotation, zoom buttons and a metric scale.
import { Map as MapLibreMap, NavigationControl, ScaleControl, type MapOptions } from 'maplibre-gl';
import type { MapConfig } from '../config/app.config';
import { buildBaseStyle } from './map-style';

/** Where the map opens (a centre and zoom, or bounds) and whatever else one map needs. */
export type MapStart = Omit<MapOptions, 'container' | 'style'>;

export function createMap(container: HTMLElement, config: MapConfig, start: MapStart): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: buildBaseStyle(config),
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    ...start,
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'bottom-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
  return map;
}
