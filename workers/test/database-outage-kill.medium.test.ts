// Medium: a camera worker process (real RTSP simulator, ffmpeg, YOLOX-nano) SIGKILLed while its PostgreSQL is away
// (connections refused, behind a TCP fault proxy): the vehicle counts it held are in its spill on disk, and the worker
// that takes the camera next writes them once the database is back — each once, in order, without a hole up to the
// kill. Prints how many were held and how long after the database came back they were all stored. Then the same with
// a database that answers nothing (a saturated pool): a write still waiting for its connection when the worker is
// killed is on disk too.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from '@toc/server/db/pool';
import { parseSecretKey } from '@toc/server/secrets/secret-box';
import { requireEnv } from '@toc/server/testing';
import type { FailoverProxy } from '@toc/server/testing/tcp-proxy';
import { insertStreamCamera } from './stream-cameras';
import { startWorkerProcess, waitFor as waitUntil, type WorkerProcess } from './worker-process';
import { proxiedDatabase, type ProxiedDatabase } from './proxied-database';
import { vehicleCountRows } from './vehicle-count-rows';

const INTERVAL_S = 1;
const OUTAGE_BEFORE_KILL_MS = 5_000;
const LOCK_S = 4;

let store: ProxiedDatabase;
let schema: ProxiedDatabase['schema'];
/** The test's own view of the database, straight to PostgreSQL. */
let db: Pool;
let proxy: FailoverProxy;
let workerDatabaseUrl: string;
let scratch: string;
const workers: WorkerProcess[] = [];

const vehicleCounts = (cameraId: number) => vehicleCountRows(db, cameraId);

const output = () => workers.flatMap((w) => w.output);
const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number) =>
  waitUntil(what, probe, timeoutMs, output);

/** When worker-b logged a line (pino's time), from its output. */
function loggedAt(message: string): number {
  const line = workers[1]?.output.find((chunk) => chunk.includes(message)) ?? '';
  const json = line.split('\n').find((part) => part.includes(message)) ?? '';
  return Number(/"time":(\d+)/.exec(json)?.[1] ?? NaN);
}

/** The street clip's camera on the RTSP simulator, at 5 detect fps. */
function streetCamera(name: string, nameTh: string) {
  const keys = { current: parseSecretKey(requireEnv('CAMERA_SECRET_KEY')), previous: [] };
  return insertStreamCamera(
    db,
    {
      name,
      nameTh,
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: `${requireEnv('RTSP_BASE')}/odc_street_traffic_640x360_30fps`,
      detectFps: 5,
    },
    keys,
  );
}

function startWorker(workerId: string, env: Record<string, string> = {}): WorkerProcess {
  const worker = startWorkerProcess(workerId, {
    DATABASE_URL: workerDatabaseUrl,
    QUEUE_PREFIX: schema.schema,
    CAMERA_LOCK_S: String(LOCK_S),
    HEALTH_INTERVAL_S: '1',
    RECONCILE_INTERVAL_S: '5',
    VEHICLE_INTERVAL_S: String(INTERVAL_S),
    DB_CONNECT_TIMEOUT_S: '1',
    SNAPSHOT_DIR: path.join(scratch, 'snapshots'),
    HELD_WRITES_DIR: path.join(scratch, 'held-writes'),
    LOG_LEVEL: 'info',
    ...env,
  });
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  store = await proxiedDatabase();
  ({ schema, db, proxy, proxiedUrl: workerDatabaseUrl } = store);
  scratch = await mkdtemp(path.join(tmpdir(), 'toc-db-outage-kill-'));
});

afterAll(async () => {
  for (const { child } of workers)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await store?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('a camera worker killed while PostgreSQL is away', () => {
  it("leaves the counts it held on disk, and the camera's next worker writes them once, in order", async () => {
    const camera = await streetCamera('Outage kill test', 'ทดสอบหยุดเครื่องขณะฐานข้อมูลล่ม');
    const spillFile = path.join(scratch, 'held-writes', `camera-${camera.id}`, 'held.jsonl');
    const workerA = startWorker('worker-a');
    await waitFor(
      'two counts before the outage',
      async () => (await vehicleCounts(camera.id)).length >= 2,
      90_000,
    );

    proxy.fault('refused');
    const downAt = Date.now();
    await new Promise((r) => setTimeout(r, OUTAGE_BEFORE_KILL_MS));
    // Held write-ahead: on disk before the camera went on with its next frames.
    const heldLines = await waitFor(
      'held counts in the spill',
      async () => {
        const text = await readFile(spillFile, 'utf8').catch(() => '');
        const lines = text.split('\n').filter((line) => line.includes('"vehicle-count"')).length;
        return lines >= 2 ? lines : null;
      },
      1_000,
    );
    workerA.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => workerA.child.once('exit', r));
    // Nothing it counted during the outage reached the database before it died.
    expect(
      (await vehicleCounts(camera.id)).filter((row) => row.started >= downAt + INTERVAL_S * 1000),
    ).toEqual([]);

    proxy.fault(null);
    const backAt = Date.now();
    startWorker('worker-b');
    // Worker-b's own counts start after the kill: once one is stored, the spill it replayed first is written.
    const rows = await waitFor(
      "worker-b's counts after the replayed ones",
      async () => {
        const all = await vehicleCounts(camera.id);
        return all.some((row) => row.started > killedAt) ? all : null;
      },
      90_000,
    );
    const firstOwn = rows.findIndex((row) => row.started > killedAt);
    const stored = rows.slice(0, firstOwn);
    const storedAt = Date.now();
    const duringOutage = stored.filter((row) => row.started >= downAt);
    const replayMs =
      loggedAt('database back: the held writes are written') - loggedAt('replaying the writes');
    console.log(
      `worker SIGKILLed ${OUTAGE_BEFORE_KILL_MS} ms into a database outage: ${heldLines} vehicle counts in its ` +
        `spill; ${duringOutage.length} counts made during the outage stored by the next worker within ` +
        `${storedAt - backAt} ms of the database being back (lock ${LOCK_S} s, model and stream start included), ` +
        `the replay itself taking ${replayMs} ms`,
    );

    // Every count worker-a made stands once, in the order made, each beginning where the one before ended, up to the
    // count in progress when it was killed.
    expect(new Set(rows.map((row) => row.started)).size).toBe(rows.length);
    expect(duringOutage.length).toBeGreaterThanOrEqual(heldLines - 1);
    for (const [i, row] of stored.entries()) {
      expect(row.ended - row.started).toBeLessThan(2 * INTERVAL_S * 1000);
      if (i === 0) continue;
      expect(row.started).toBeGreaterThanOrEqual(stored[i - 1]!.ended);
      expect(row.started - stored[i - 1]!.ended).toBeLessThan(INTERVAL_S * 1000);
    }
    expect(killedAt - stored[stored.length - 1]!.ended).toBeLessThan(3 * INTERVAL_S * 1000);
    expect(output().some((line) => line.includes('replaying the writes a previous owner'))).toBe(true);
    // Written, the spill is gone.
    await waitFor(
      'the spill removed',
      async () => (await readdir(path.join(scratch, 'held-writes'))).length === 0,
      10_000,
    );
  }, 240_000);

  it('keeps a write still waiting on a database that answers nothing when the worker is killed', async () => {
    // The first case's workers are done: the camera below is this case's workers' alone.
    for (const { child } of workers.splice(0))
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
    const camera = await streetCamera('Saturated pool kill test', 'ทดสอบหยุดเครื่องขณะฐานข้อมูลไม่ตอบ');
    // A connection waits 30 s, a query 60 s: far longer than the worker lives once the database falls silent.
    const saturated = { DB_CONNECT_TIMEOUT_S: '30', DB_QUERY_TIMEOUT_S: '60' };
    const workerC = startWorker('worker-c', saturated);
    await waitFor('two counts before', async () => (await vehicleCounts(camera.id)).length >= 2, 90_000);

    proxy.fault('blackhole');
    const silentAt = Date.now();
    const spillFile = path.join(scratch, 'held-writes', `camera-${camera.id}`, 'held.jsonl');
    // The count made once the database fell silent waits for its answer; after a second it is on disk as well.
    const waiting = await waitFor(
      'the waiting count in the spill',
      async () => {
        const text = await readFile(spillFile, 'utf8').catch(() => '');
        const started = [...text.matchAll(/"type":"traffic\.vehicles".*?"startedAt":"([^"]+)"/g)].map((m) =>
          Date.parse(m[1]!),
        );
        return started.length > 0 ? started : null;
      },
      12_000,
    );
    workerC.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => workerC.child.once('exit', r));
    // Killed before any timeout could have turned the waiting write into a held one: it was on disk while it waited.
    expect(killedAt - silentAt).toBeLessThan(30_000);

    proxy.fault(null);
    startWorker('worker-d');
    const rows = await waitFor(
      "worker-d's counts after the replayed one",
      async () => {
        const all = await vehicleCounts(camera.id);
        return all.some((row) => row.started > killedAt) ? all : null;
      },
      90_000,
    );
    const stored = rows.slice(
      0,
      rows.findIndex((row) => row.started > killedAt),
    );
    // Worker-c's counts stand once each, without a hole, up to the one made after the database fell silent.
    expect(new Set(rows.map((row) => row.started)).size).toBe(rows.length);
    for (const [i, row] of stored.entries())
      if (i > 0) expect(row.started - stored[i - 1]!.ended).toBeLessThan(INTERVAL_S * 1000);
    for (const started of waiting) expect(stored.map((row) => Math.round(row.started))).toContain(started);
  }, 240_000);
});
