// The offline basemap: Chachoengsao boundaries and nearby major roads, read from the shared data folder.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

type Position = number[];
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
  attribution?: string;
}

export const BASEMAP_LAYERS = ['districts', 'subdistricts', 'roads'] as const;
export type BasemapLayer = (typeof BASEMAP_LAYERS)[number];

/** Chachoengsao (lon 100.85–101.99, lat 13.18–13.98) with a margin for roads leading in. */
const AREA = { minLon: 100.6, minLat: 13.0, maxLon: 102.2, maxLat: 14.2 };

const SOURCES: Record<BasemapLayer, { file: string; attribution: string }> = {
  districts: {
    file: 'boundaries/chachoengsao_amphoe_ocha_L2.geojson',
    attribution: 'Boundaries: OCHA COD-AB / Royal Thai Survey Department (CC BY-IGO)',
  },
  subdistricts: {
    file: 'boundaries/chachoengsao_tambon_ocha_L2.geojson',
    attribution: 'Boundaries: OCHA COD-AB / Royal Thai Survey Department (CC BY-IGO)',
  },
  roads: { file: 'roads/eec_roads_osm_major.geojson', attribution: '© OpenStreetMap contributors (ODbL)' },
};

function positions(coordinates: unknown, out: Position[] = []): Position[] {
  if (Array.isArray(coordinates) && typeof coordinates[0] === 'number') out.push(coordinates as Position);
  else if (Array.isArray(coordinates)) for (const c of coordinates) positions(c, out);
  return out;
}

const touchesArea = (feature: Feature): boolean =>
  positions(feature.geometry?.coordinates).some(
    ([lon = NaN, lat = NaN]) => lon >= AREA.minLon && lon <= AREA.maxLon && lat >= AREA.minLat && lat <= AREA.maxLat,
  );

export function createBasemapSource(sharedDir: string) {
  const cache = new Map<BasemapLayer, Promise<FeatureCollection>>();
  const load = async (layer: BasemapLayer): Promise<FeatureCollection> => {
    const { file, attribution } = SOURCES[layer];
    const collection = JSON.parse(await readFile(path.join(sharedDir, 'data', file), 'utf8')) as FeatureCollection;
    const features = layer === 'roads' ? collection.features.filter(touchesArea) : collection.features;
    return { type: 'FeatureCollection', attribution, features };
  };
  return {
    get(layer: BasemapLayer): Promise<FeatureCollection> {
      let entry = cache.get(layer);
      if (!entry) {
        entry = load(layer);
        cache.set(layer, entry);
        entry.catch(() => cache.delete(layer)); // a missing file may appear later; do not cache the failure
      }
      return entry;
    },
  };
}
