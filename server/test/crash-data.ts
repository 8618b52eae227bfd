// Test helper: a schema's crash store filled with the real data — the areas, the road network, the 2012 DOH table
// (3,002 crashes) and the national 2021–2025 fatal-crash points (11,931) — as `npm start` loads it.
import path from 'node:path';
import { ensureAreas } from '../src/crashes/areas';
import { importCrashFile } from '../src/crashes/crash-import';
import { ensureRoadNetwork, roadNetworkFile } from '../src/crashes/road-network';
import type { Pool } from '../src/db/pool';

export const REAL_CRASH_FILES = [
  'doh_highway_accidents_2012_national.csv',
  'th_highway_fatal_crash_points_2021_2025.geojson',
] as const;

export async function importRealCrashes(db: Pool, sharedDir: string): Promise<void> {
  await ensureAreas(db, sharedDir);
  await ensureRoadNetwork(db, roadNetworkFile(sharedDir));
  for (const name of REAL_CRASH_FILES) {
    await importCrashFile(db, {
      file: path.join(sharedDir, 'data', 'accidents', name),
      user: { id: null, username: 'test' },
    });
  }
}
