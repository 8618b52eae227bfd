// Test helpers: a schema's crash store filled with the real data — the areas, the road network, the 2012 DOH table
// (3,002 crashes) and the national 2021–2025 fatal-crash points (11,931) — as `npm start` loads it; and a server over
// such a schema with a token per role.
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app';
import { ensureAreas } from '../src/crashes/areas';
import { importCrashFile } from '../src/crashes/crash-import';
import { ensureRoadNetwork, roadNetworkFile } from '../src/crashes/road-network';
import type { Pool } from '../src/db/pool';
import type { Role } from '../src/schemas';
import { createTestSchema, roleTokens, testConfig } from './test-env';

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

/** A server over a fresh schema holding the real crash data, with a session token per role. */
export interface CrashApp {
  app: FastifyInstance;
  tokens: Record<Role, string>;
  /** GET as the role (a planner unless said). */
  get: (url: string, role?: Role) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
}

export async function startCrashApp(
  options: { listen?: boolean; crashes?: boolean } = {},
): Promise<CrashApp> {
  const schema = await createTestSchema();
  const config = testConfig(schema.databaseUrl);
  const app = await buildApp(config);
  if (options.listen) await app.listen({ host: '127.0.0.1', port: 0 });
  else await app.ready();
  const tokens = await roleTokens(app, ['admin', 'operator', 'police', 'planner', 'viewer']);
  if (options.crashes !== false) await importRealCrashes(app.db, config.sharedDir);
  return {
    app,
    tokens,
    get: (url, role = 'planner') =>
      app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[role]}` } }),
    close: async () => {
      await app.close();
      await schema.drop();
    },
  };
}
