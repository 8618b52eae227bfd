// The demo's crash store: the real national data (the 2012 DOH table and the 2021–2025 fatal-crash points) imported
// once, with the road network, so the planners' analyses have real crashes from the first start.
import path from 'node:path';
import { importCrashFile } from '../crashes/crash-import';
import { ensureAreas } from '../crashes/areas';
import { ensureRoadNetwork, roadNetworkFile } from '../crashes/road-network';
import type { Pool } from './pool';

const DEMO_FILES = ['doh_highway_accidents_2012_national.csv', 'th_highway_fatal_crash_points_2021_2025.geojson'];

/** Imports the real crash files unless an import has already been made; returns the crashes added. */
export async function seedDemoCrashes(pool: Pool, sharedDir: string): Promise<number> {
  await ensureAreas(pool, sharedDir);
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM crash_imports WHERE status = 'done'`);
  if (rows[0]!.n > 0) return 0;
  await ensureRoadNetwork(pool, roadNetworkFile(sharedDir));
  let added = 0;
  for (const name of DEMO_FILES) {
    const report = await importCrashFile(pool, {
      file: path.join(sharedDir, 'data', 'accidents', name),
      user: { id: null, username: 'demo-seed' },
    });
    added += report.counts.added;
  }
  return added;
}
