// Fetches the three basemap layers in parallel; a layer that fails is null (the map still works).
import { BASEMAP_LAYERS, fetchBasemap } from '../api/basemap.api';
import type { BasemapData } from './layers/basemap.layer';

export interface BasemapLoad {
  data: BasemapData;
  failed: boolean;
}

export async function loadBasemap(signal: AbortSignal): Promise<BasemapLoad> {
  // The layers are shared by every map on the page; the signal only silences the warnings of an abandoned load.
  const results = await Promise.allSettled(BASEMAP_LAYERS.map((name) => fetchBasemap(name)));
  const data = { districts: null, subdistricts: null, roads: null } as BasemapData;
  let failed = false;
  results.forEach((result, i) => {
    const name = BASEMAP_LAYERS[i];
    if (!name) return;
    // Keep only the features: foreign members (licence text, CRS) do not belong in the map style.
    if (result.status === 'fulfilled') data[name] = { type: 'FeatureCollection', features: result.value.features ?? [] };
    else {
      failed = true;
      if (!signal.aborted) console.warn(`basemap ${name}: load failed`, result.reason);
    }
  });
  return { data, failed };
}
