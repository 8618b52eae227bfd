// Medium-test helpers: a fresh PostgreSQL schema per test file on the real server, and a config pointing at it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config';

export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for medium tests (npm test starts the services and sets it)`);
  return value;
};

/**
 * Tables go into a new schema first on the search_path, so migrations run "from empty" without touching
 * whatever else lives in the database (PostGIS stays in public).
 */
export async function createTestSchema(): Promise<{ databaseUrl: string; schema: string; drop: () => Promise<void> }> {
  const baseUrl = requireEnv('DATABASE_URL');
  const schema = `test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    databaseUrl: url.toString(),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    },
  };
}

/** The schema a `createTestSchema` URL puts first on the search_path. */
const schemaOf = (databaseUrl: string): string | undefined =>
  /search_path=([A-Za-z0-9_]+)/.exec(new URL(databaseUrl).searchParams.get('options') ?? '')?.[1];

export function testConfig(databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', PORT: '0' }),
    // Redis keys of their own (login throttle, bus states, queues): test files share one Redis, and one file's
    // wrong passwords for 'admin' must not lock out another file's 'admin'.
    queuePrefix: schemaOf(databaseUrl) ?? `test_${randomBytes(5).toString('hex')}`,
    ...overrides,
  };
}

export { roleTokens, rolePassword, TEST_STATION } from './role-tokens';
