// Medium: a GPS worker stopped between storing a batch and acknowledging it stores those fixes once, not twice,
// after its restart (real Redis stream, PostGIS and GPS worker).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { createDevice } from '@toc/server/repositories/gps-devices.repository';
import { createVehicle } from '@toc/server/repositories/vehicles.repository';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { loadWorkerConfig } from '../src/config';
import { FixStream } from '../src/gps/fix-stream';
import { GpsWorker } from '../src/gps/gps-worker';
import { PartitionManager } from '../src/gps/partition-manager';
import { bangkokDay } from '../src/gps/partitions';
import { copyLines, copyPositions } from '../src/gps/position-copy';
import { loadStoredUpTo } from '../src/gps/stream-progress';

const CONSUMER = 'gps-restart';
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: Pool;
let redis: Redis;
let streamKey: string;
let deviceId: number;
let vehicleId: number;
const errors: string[] = [];

/** A fix a few seconds old at a latitude that names it, as the ingest writes it into the stream. */
const entryFor = (lat: number, secondsAgo: number) => {
  const at = new Date(Date.now() - secondsAgo * 1000).toISOString();
  const fix = {
    deviceId: 'dev-restart',
    lat,
    lon: 101.07,
    fixTime: at,
    speedKmh: 20,
    bearingDeg: 90,
    altitudeM: null,
    accuracyM: 5,
  };
  return { fix, json: JSON.stringify({ receivedAt: at, fixes: [fix] }) };
};

const storedLatitudes = async () =>
  (
    await db.query<{ lat: number }>(
      'SELECT ST_Y(location) AS lat FROM gps_positions WHERE device_id = $1 ORDER BY fix_time',
      [deviceId],
    )
  ).rows.map((r) => Number(r.lat.toFixed(4)));

async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  streamKey = busKeys(schema.schema).fixes;
  vehicleId = (await createVehicle(db, { label: 'CCS-R1' })).id;
  deviceId = (await createDevice(db, { uniqueId: 'dev-restart', vehicleId })).device.id;
});

afterAll(async () => {
  await redis?.del(streamKey);
  await redis?.quit();
  await db?.end();
  await schema?.drop();
});

describe('GPS worker restart between COPY and acknowledgement', () => {
  it('acknowledges the entries it had stored without storing them again, and stores the rest once', async () => {
    // The first run: three entries read, the first two stored with their stream position, then the process dies
    // before acknowledging anything.
    const first = new FixStream(redis.duplicate(), streamKey, CONSUMER);
    await first.init(null);
    const entries = [entryFor(13.6901, 30), entryFor(13.6902, 20), entryFor(13.6903, 10)];
    const ids: string[] = [];
    for (const { json } of entries) ids.push((await redis.xadd(streamKey, '*', 'fixes', json)) as string);
    const delivered = await first.read(10, 50, 500);
    expect(delivered.ids).toEqual(ids);
    const stored = entries.slice(0, 2).map(({ fix }) => ({
      deviceId,
      vehicleId,
      fixTime: fix.fixTime,
      receivedAt: fix.fixTime,
      lon: fix.lon,
      lat: fix.lat,
      speedKmh: fix.speedKmh,
      bearingDeg: fix.bearingDeg,
      altitudeM: null,
      accuracyM: fix.accuracyM,
      current: true,
    }));
    // The fixes' own Bangkok days: just after midnight a fix from seconds ago is yesterday's.
    await new PartitionManager(db).ensure(new Set(stored.map((s) => bangkokDay(Date.parse(s.fixTime)))));
    await copyPositions(db, copyLines(stored), { stream: streamKey, consumer: CONSUMER, lastId: ids[1]! });
    expect(await loadStoredUpTo(db, streamKey, CONSUMER)).toBe(ids[1]);
    expect(await redis.xpending(streamKey, 'gps')).toEqual(expect.arrayContaining([3]));

    // The successor under the same consumer name.
    const config = loadWorkerConfig({
      ...process.env,
      DATABASE_URL: schema.databaseUrl,
      QUEUE_PREFIX: schema.schema,
    });
    const worker = new GpsWorker({
      config: { ...config.gps, transit: false, consumer: CONSUMER },
      queuePrefix: schema.schema,
      db,
      redis,
      log: (level, message, detail) =>
        level === 'error' && errors.push(`${message} ${JSON.stringify(detail)}`),
    });
    await worker.start();
    try {
      await until(async () => (await redis.xlen(streamKey)) === 0, 'the backlog acknowledged');
      expect(await storedLatitudes()).toEqual([13.6901, 13.6902, 13.6903]);
      expect(worker.stats.skippedStored).toBe(2);
      expect(await loadStoredUpTo(db, streamKey, CONSUMER)).toBe(ids[2]);

      // New fixes after the restart are stored once, as always.
      await redis.xadd(streamKey, '*', 'fixes', entryFor(13.6904, 1).json);
      await until(async () => (await storedLatitudes()).length === 4, 'the new fix stored');
      await until(async () => (await redis.xlen(streamKey)) === 0, 'the new fix acknowledged');
      expect(await storedLatitudes()).toEqual([13.6901, 13.6902, 13.6903, 13.6904]);
    } finally {
      await worker.stop();
    }
    expect(errors).toEqual([]);
  });
});
