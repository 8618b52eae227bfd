// Medium: `npm run import:crashes` on real PostGIS and Redis — the Chachoengsao fatal-crash points imported by the CLI,
// and the running servers told on the crashes-changed channel (as an upload tells them); a re-import changes nothing
// and tells no one.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { channelNames } from '../src/realtime/channel-names';
import { createTestSchema, requireEnv } from './test-env';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const shared = loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).sharedDir;
const FATAL_CCS = path.join(
  shared,
  'data',
  'accidents',
  'chachoengsao_highway_fatal_crash_points_2021_2025.geojson',
);

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let listener: Redis;
const heard: unknown[] = [];

beforeAll(async () => {
  schema = await createTestSchema();
  listener = new Redis(requireEnv('REDIS_URL'));
  await listener.subscribe(channelNames(schema.schema).crashesChanged);
  listener.on('message', (_channel, body: string) => heard.push(JSON.parse(body)));
}, 60_000);

afterAll(async () => {
  listener?.disconnect();
  await schema?.drop();
});

const importCli = (file: string) =>
  run(process.execPath, ['--import', 'tsx', 'server/src/crashes/crash-import.cli.ts', file], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: schema.databaseUrl, QUEUE_PREFIX: schema.schema },
  });

/**
 * What the servers were told so far: a marker published now arrives after anything the CLI published (its publishes
 * were answered before it exited, and one Redis serves both), so waiting for the marker needs no timeout guess.
 */
async function toldSoFar(): Promise<unknown[]> {
  const marker = { marker: heard.length + Math.random() };
  const publisher = new Redis(requireEnv('REDIS_URL'));
  try {
    await publisher.publish(channelNames(schema.schema).crashesChanged, JSON.stringify(marker));
  } finally {
    publisher.disconnect();
  }
  while (!heard.some((m) => (m as { marker?: number }).marker === marker.marker))
    await new Promise((resolve) => setTimeout(resolve, 20));
  return heard.filter((m) => !('marker' in (m as object)));
}

describe('the crash import CLI', () => {
  it('imports the file and tells the servers once; a re-import changes nothing and tells no one', async () => {
    const first = await importCli(FATAL_CCS);
    expect(first.stdout).toMatch(/✓ chachoengsao_highway_fatal_crash_points_2021_2025\.geojson .* \d+ new/);
    expect(await toldSoFar()).toEqual([{ reason: 'import', importId: expect.any(Number) }]);

    const again = await importCli(FATAL_CCS);
    expect(again.stdout).toMatch(/ 0 new, 0 changed/);
    expect(await toldSoFar()).toHaveLength(1);
  }, 120_000);
});
