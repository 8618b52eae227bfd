// Medium: how many cameras a worker takes follows its measured detector time. Two real worker processes with the
// real model and RTSP streams, each starting with one camera: the one whose detector budget that camera fills takes
// no more; the one with room measures its camera, raises its capacity and takes the third.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { parseSecretKey } from '@toc/server/secrets/secret-box';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { insertStreamCamera } from './stream-cameras';
import { runningOn, startWorkerProcess, waitFor as waitUntil, type WorkerProcess } from './worker-process';

const CAMERAS = 3;
let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let snapshotDir: string;
const workers: WorkerProcess[] = [];
const cameraIds: number[] = [];

interface CapacityLog {
  running: number;
  cameras: number;
  reason: string;
  demandMsPerS: number;
  budgetMsPerS: number;
}

function startWorker(workerId: string, inferenceShare: number): WorkerProcess {
  const worker = startWorkerProcess(workerId, {
    DATABASE_URL: schema.databaseUrl,
    QUEUE_PREFIX: schema.schema,
    CAMERA_LOCK_S: '4',
    HEALTH_INTERVAL_S: '1',
    RECONCILE_INTERVAL_S: '5',
    SNAPSHOT_DIR: snapshotDir,
    WORKER_CAMERA_START: '1',
    WORKER_CAMERA_CAPACITY: '4',
    WORKER_INFERENCE_SHARE: String(inferenceShare),
    LOG_LEVEL: 'info',
  });
  workers.push(worker);
  return worker;
}

/** The capacities the worker logged, in order (pino writes one JSON object a line). */
function capacities(worker: WorkerProcess): CapacityLog[] {
  return worker.output
    .flatMap((chunk) => chunk.split('\n'))
    .map((line) => line.slice(line.indexOf('{')))
    .filter((line) => line.includes('"camera capacity"'))
    .map((line) => JSON.parse(line) as CapacityLog);
}

const output = () => workers.flatMap((w) => w.output);
const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number) =>
  waitUntil(what, probe, timeoutMs, output);

/** The cameras running on `workerId` now (online, fresh frames from there). */
async function camerasOn(workerId: string): Promise<number[]> {
  const on: number[] = [];
  for (const id of cameraIds) if (await runningOn(db, id, workerId)()) on.push(id);
  return on;
}

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-capacity-'));
  const keys = { current: parseSecretKey(requireEnv('CAMERA_SECRET_KEY')), previous: [] };
  for (let i = 1; i <= CAMERAS; i++) {
    const camera = await insertStreamCamera(
      db,
      {
        name: `Capacity camera ${i}`,
        nameTh: `กล้องทดสอบความจุ ${i}`,
        location: { lon: 101.05 + i / 1000, lat: 13.7 },
        headingDeg: 90,
        fovDeg: 60,
        rtspUrl: `${requireEnv('RTSP_BASE')}/odc_street_traffic_640x360_30fps`,
        detectFps: 5,
      },
      keys,
    );
    cameraIds.push(camera.id);
  }
});

afterAll(async () => {
  for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
  await db?.end();
  await schema?.drop();
});

describe('worker capacity from measured speed', () => {
  it('a worker whose detector one camera fills takes no more; one with room measures, then takes the rest', async () => {
    // 20 ms of detector time a second: one camera at 5 fps needs more than that from any CPU detector.
    const slow = startWorker('capacity-slow', 0.02);
    // 800 ms a second: room for several cameras like the one it measures first.
    const roomy = startWorker('capacity-roomy', 0.8);
    const measured = await waitFor(
      'the slow worker measuring its camera',
      async () => capacities(slow).find((c) => c.reason !== 'unmeasured'),
      90_000,
    );
    expect(measured).toMatchObject({ running: 1, cameras: 1 });
    expect(measured.demandMsPerS).toBeGreaterThan(measured.budgetMsPerS);
    const raised = await waitFor(
      'the roomy worker raising its capacity from its measurement',
      async () => capacities(roomy).find((c) => c.reason !== 'unmeasured' && c.cameras >= CAMERAS - 1),
      90_000,
    );
    expect(raised.demandMsPerS).toBeLessThan(raised.budgetMsPerS);
    // Each started with one camera; the third, offered to both every 2 s, runs where there is room.
    await waitFor(
      'two cameras running on the roomy worker',
      async () => (await camerasOn(roomy.workerId)).length === CAMERAS - 1,
      30_000,
    );
    expect(await camerasOn(slow.workerId)).toHaveLength(1);
    expect(capacities(slow).every((c) => c.cameras === 1)).toBe(true);
    console.info(
      `slow worker: ${measured.demandMsPerS} of ${measured.budgetMsPerS} ms/s, capacity ${measured.cameras}; ` +
        `roomy worker: ${raised.demandMsPerS} of ${raised.budgetMsPerS} ms/s with ${raised.running}, capacity ${raised.cameras}`,
    );
  });
});
