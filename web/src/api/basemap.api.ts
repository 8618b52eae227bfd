// Offline basemap layers served by the API as GeoJSON.
import type { FeatureCollection } from 'geojson';
import { request } from './http.client';

export const BASEMAP_LAYERS = ['districts', 'subdistricts', 'roads'] as const;
export type BasemapLayerName = (typeof BASEMAP_LAYERS)[number];

const loaded = new Map<BasemapLayerName, Promise<FeatureCollection>>();

/**
 * One request per layer per page: the map, the district filter and the calibration map all read the same static
 * layers. A failed load is forgotten so the next caller tries again.
 */
export function fetchBasemap(name: BasemapLayerName): Promise<FeatureCollection> {
  let layer = loaded.get(name);
  if (!layer) {
    layer = request<FeatureCollection>(`api/basemap/${name}`);
    layer.catch(() => loaded.delete(name));
    loaded.set(name, layer);
  }
  return layer;
}
