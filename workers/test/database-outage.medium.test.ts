// Medium: a camera worker on the real RTSP simulator, ffmpeg and YOLOX-nano keeps analysing while its PostgreSQL goes
// away (connections refused and reset, as in a restart, behind a TCP fault proxy): the vehicle counts it makes during
// the outage are held and written once the database is back, in order and without a hole; a camera stopped during
// the outage is handed back only once they are, or, past HELD_WRITES_STOP_WAIT_S, with them in its spill on disk,
// which the camera's next runner writes. Prints how many writes were held and how long they took to land.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '@toc/server/db/pool';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import { requireEnv } from '@toc/server/testing';
import type { FailoverProxy } from '@toc/server/testing/tcp-proxy';
import { loadWorkerConfig } from '../src/config';
import { DetectorPool } from '../src/detect/detector-pool';
import { CameraRunner, type CameraRunnerContext } from '../src/camera/camera-runner';
import { insertStreamCamera } from './stream-cameras';
import { proxiedDatabase, type ProxiedDatabase } from './proxied-database';
import { vehicleCountRows } from './vehicle-count-rows';

const INTERVAL_S = 1;
const OUTAGE_MS = 6_000;

let store: ProxiedDatabase;
let schema: ProxiedDatabase['schema'];
/** The test's own view of the database, straight to PostgreSQL. */
let db: Pool;
/** The worker's, through the proxy that plays the outage. */
let workerDb: Pool;
let redis: Redis;
let proxy: FailoverProxy;
let detectors: DetectorPool;
let snapshotDir: string;
let ctx: CameraRunnerContext;
const logs: string[] = [];

const vehicleCounts = (cameraId: number) => vehicleCountRows(db, cameraId);

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end)
      throw new Error(`${what} not reached in ${timeoutMs} ms; log: ${logs.slice(-5).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A camera on the street stream, run through the worker's proxied database, once it has written two vehicle counts. */
async function countingCamera(name: string, nameTh: string, runWith: CameraRunnerContext = ctx) {
  const camera = await insertStreamCamera(db, {
    name,
    nameTh,
    location: { lon: 101.0536, lat: 13.7072 },
    headingDeg: 80,
    fovDeg: 60,
    rtspUrl: `${requireEnv('RTSP_BASE')}/odc_street_traffic_640x360_30fps`,
    detectFps: 5,
  });
  const runner = new CameraRunner(camera, runWith);
  try {
    await waitFor(
      'two counts before the outage',
      async () => ((await vehicleCounts(camera.id)).length >= 2 ? true : null),
      60_000,
    );
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return { camera, runner };
}

beforeAll(async () => {
  store = await proxiedDatabase();
  ({ schema, db, proxy } = store);
  workerDb = createPool(store.proxiedUrl, 4, { connectTimeoutMs: 1000 });
  redis = new Redis(requireEnv('REDIS_URL'));
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-db-outage-'));
  const config = {
    ...loadWorkerConfig(),
    databaseUrl: store.proxiedUrl,
    vehicleIntervalS: INTERVAL_S,
    healthIntervalS: 1,
    snapshotDir,
    heldWritesDir: path.join(snapshotDir, 'held-writes'),
  };
  detectors = new DetectorPool({ modelsDir: config.modelsDir, threads: 1 });
  const announcer = { redis, channels: channelNames(schema.schema) };
  ctx = {
    config,
    db: workerDb,
    detectors,
    notifier: {
      db: workerDb,
      config: { ...config.notify, publicUrl: config.publicUrl },
      log: () => undefined,
    },
    events: createEventStore(workerDb, announcer),
    reportStatus: (report) => reportCameraStatus({ db: workerDb, ...announcer }, report),
    log: (level, message, detail) => logs.push(`${level} ${message} ${JSON.stringify(detail ?? {})}`),
  };
});

afterAll(async () => {
  proxy?.fault(null);
  await detectors?.close();
  await workerDb?.end();
  redis?.disconnect();
  await store?.close();
  if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true });
});

describe('PostgreSQL away under a running camera', () => {
  it('holds the vehicle counts made meanwhile and writes them in order once it is back', async () => {
    const { camera, runner } = await countingCamera('Outage test', 'ทดสอบฐานข้อมูลล่ม');
    try {
      proxy.fault('refused');
      const downAt = Date.now();
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      const storedMeanwhile = await vehicleCounts(camera.id);
      proxy.fault(null);
      const backAt = Date.now();

      // Counts that started well after the database was back: everything held before them has landed.
      const rows = await waitFor(
        'counts after the outage',
        async () => {
          const all = await vehicleCounts(camera.id);
          return all.some((row) => row.started > backAt + 2 * INTERVAL_S * 1000) ? all : null;
        },
        30_000,
      );
      const landedMs = Date.now() - backAt;
      const duringOutage = rows.filter((row) => row.started >= downAt && row.ended <= backAt);
      console.log(
        `database outage: ${OUTAGE_MS} ms down, ${duringOutage.length} vehicle counts made meanwhile, ` +
          `all written within ${landedMs} ms of it being back; log: ${logs.filter((l) => /database/.test(l)).length} lines`,
      );
      // While it was away nothing reached it (the counts were held, not lost)...
      expect(storedMeanwhile.filter((row) => row.started >= downAt + INTERVAL_S * 1000)).toEqual([]);
      // ...the analysis went on (a loop stalled on the database would leave one long count or a hole), and the counts
      // were written in the order they were made, one after the other, from before the outage to after it.
      expect(rows[0]!.ended).toBeLessThan(downAt);
      for (const [i, row] of rows.entries()) {
        expect(row.ended - row.started).toBeLessThan(2 * INTERVAL_S * 1000);
        if (i === 0) continue;
        expect(row.started).toBeGreaterThanOrEqual(rows[i - 1]!.ended);
        expect(row.started - rows[i - 1]!.ended).toBeLessThan(INTERVAL_S * 1000);
      }
      expect(logs.some((line) => line.includes('database unreachable: holding the writes'))).toBe(true);
      expect(logs.some((line) => line.includes('database back: the held writes are written'))).toBe(true);
    } finally {
      await runner.stop();
    }
  }, 120_000);

  it('hands a camera stopped during the outage back only once what it held is written', async () => {
    const { camera, runner } = await countingCamera('Outage stop test', 'ทดสอบหยุดกล้องขณะฐานข้อมูลล่ม');
    let stopped = false;
    try {
      proxy.fault('refused');
      const downAt = Date.now();
      await new Promise((r) => setTimeout(r, 3 * INTERVAL_S * 1000));
      const stopping = runner.stop().then(() => (stopped = true));
      await new Promise((r) => setTimeout(r, 2_000));
      // The worker is stopping, the database still away: the camera is not handed back with its writes in memory.
      expect(stopped).toBe(false);
      proxy.fault(null);
      await stopping;

      // Once the stop returns, the counts made during the outage are stored, in order, without a hole.
      const rows = await vehicleCounts(camera.id);
      expect(rows.filter((row) => row.started >= downAt).length).toBeGreaterThanOrEqual(2);
      for (const [i, row] of rows.entries()) {
        if (i === 0) continue;
        expect(row.started).toBeGreaterThanOrEqual(rows[i - 1]!.ended);
        expect(row.started - rows[i - 1]!.ended).toBeLessThan(INTERVAL_S * 1000);
      }
      expect(logs.filter((line) => line.includes('they are lost'))).toEqual([]);
    } finally {
      proxy.fault(null);
      await runner.stop();
    }
  }, 120_000);

  it('leaves what a camera handed back still holds in its spill, for its next runner to write', async () => {
    const hurried = { ...ctx, config: { ...ctx.config, heldWritesStopWaitS: 0.1 } };
    const { camera, runner } = await countingCamera(
      'Outage hand-back test',
      'ทดสอบส่งกล้องคืนขณะฐานข้อมูลล่ม',
      hurried,
    );
    let next: CameraRunner | null = null;
    try {
      proxy.fault('refused');
      const downAt = Date.now();
      await new Promise((r) => setTimeout(r, 4 * INTERVAL_S * 1000));
      await runner.stop();
      const stoppedAt = Date.now();
      expect(logs.some((line) => line.includes("they stay in its spill for the camera's next owner"))).toBe(
        true,
      );
      expect(
        (await vehicleCounts(camera.id)).filter((row) => row.started >= downAt + INTERVAL_S * 1000),
      ).toEqual([]);

      proxy.fault(null);
      const backAt = Date.now();
      next = new CameraRunner(camera, ctx);
      const rows = await waitFor(
        "the next runner's own counts",
        async () => {
          const all = await vehicleCounts(camera.id);
          return all.some((row) => row.started > stoppedAt) ? all : null;
        },
        60_000,
      );
      const handedBack = rows.filter((row) => row.started < stoppedAt);
      console.log(
        `camera handed back ${stoppedAt - downAt} ms into a database outage: ` +
          `${handedBack.filter((row) => row.started >= downAt).length} counts from its spill stored by the next ` +
          `runner within ${Date.now() - backAt} ms of the database being back`,
      );
      // Once each, in order, one after the other up to the stop.
      expect(new Set(rows.map((row) => row.started)).size).toBe(rows.length);
      expect(handedBack.filter((row) => row.started >= downAt).length).toBeGreaterThanOrEqual(2);
      for (const [i, row] of handedBack.entries()) {
        if (i === 0) continue;
        expect(row.started).toBeGreaterThanOrEqual(handedBack[i - 1]!.ended);
        expect(row.started - handedBack[i - 1]!.ended).toBeLessThan(INTERVAL_S * 1000);
      }
      expect(stoppedAt - handedBack[handedBack.length - 1]!.ended).toBeLessThan(3 * INTERVAL_S * 1000);
    } finally {
      proxy.fault(null);
      await runner.stop();
      await next?.stop();
    }
  }, 120_000);
});
