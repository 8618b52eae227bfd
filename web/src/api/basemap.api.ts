// Offline basemap layers served by the API as GeoJSON.
import type { FeatureCollection } from 'geojson';
import { request } from './http.client';

export const BASEMAP_LAYERS = ['districts', 'subdistricts', 'roads'] as const;
export type BasemapLayerName = (typeof BASEMAP_LAYERS)[number];

export function fetchBasemap(name: BasemapLayerName, signal?: AbortSignal): Promise<FeatureCollection> {
  return request<FeatureCollection>(`api/basemap/${name}`, { signal });
}
