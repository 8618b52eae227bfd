// Loads the major-road network (OpenStreetMap GeoJSON from ../shared/data/roads) that crashes are snapped to.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/pool';
import { countRoads, upsertRoads, type RoadLine } from '../repositories/crashes.repository';
import { CrashImportError } from './crash-record';

/** The national major roads: every crash in Thailand can find its road in it. */
export const roadNetworkFile = (shared: string) =>
  path.join(shared, 'data', 'roads', 'th_roads_osm_major.geojson');

const LINES_PER_STATEMENT = 2_000;

interface RoadFeature {
  id?: string | number;
  properties?: { class?: string } | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/** Each feature's lines (a MultiLineString gives one per part, `<id>#<n>`). */
export function roadLines(features: readonly RoadFeature[]): RoadLine[] {
  return features.flatMap((feature, index) => {
    const id = String(feature.id ?? `feature-${index}`);
    const roadClass = feature.properties?.class ?? 'road';
    const { type, coordinates } = feature.geometry ?? {};
    const parts =
      type === 'LineString' ? [coordinates] : type === 'MultiLineString' ? (coordinates as unknown[]) : [];
    return parts
      .filter((part): part is [number, number][] => Array.isArray(part) && part.length >= 2)
      .map((part, n) => ({ sourceId: parts.length > 1 ? `${id}#${n}` : id, roadClass, coordinates: part }));
  });
}

/** Loads (or updates) the network from the file; returns the number of road lines stored. */
export async function loadRoadNetwork(db: Queryable, file: string): Promise<number> {
  let features: RoadFeature[];
  try {
    features = (JSON.parse(await readFile(file, 'utf8')) as { features: RoadFeature[] }).features;
  } catch (error) {
    throw new CrashImportError(
      `The road network ${file} cannot be read: ${(error as Error).message}`,
      `อ่านไฟล์โครงข่ายถนน ${path.basename(file)} ไม่ได้`,
    );
  }
  const lines = roadLines(features);
  for (let at = 0; at < lines.length; at += LINES_PER_STATEMENT)
    await upsertRoads(db, lines.slice(at, at + LINES_PER_STATEMENT));
  return countRoads(db);
}

/** Loads the network when none is loaded yet (the first import on a fresh database). */
export async function ensureRoadNetwork(db: Queryable, file: string): Promise<number> {
  const loaded = await countRoads(db);
  return loaded > 0 ? loaded : loadRoadNetwork(db, file);
}
