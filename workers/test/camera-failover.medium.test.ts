// Medium: cameras as BullMQ jobs across two real worker processes — SIGKILL one, the other takes its camera over;
// disabling and re-enabling a camera takes effect without a restart.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { findCamera } from '@toc/server/repositories/cameras.repository';
import { parseSecretKey } from '@toc/server/secrets/secret-box';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { createCamera, updateCamera } from '@toc/server/services/cameras.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import type { User } from '@toc/server/schemas';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import {
  runningOn as runningOnWorker,
  startWorkerProcess,
  waitFor as waitUntil,
  type WorkerProcess,
} from './worker-process';

const LOCK_S = 4;
let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let admin: User;
let snapshotDir: string;
const workers: WorkerProcess[] = [];

function startWorker(workerId: string): ChildProcess {
  const worker = startWorkerProcess(workerId, {
    DATABASE_URL: schema.databaseUrl,
    QUEUE_PREFIX: schema.schema,
    CAMERA_LOCK_S: String(LOCK_S),
    HEALTH_INTERVAL_S: '1',
    RECONCILE_INTERVAL_S: '5',
    SNAPSHOT_DIR: snapshotDir,
    LOG_LEVEL: 'warn',
  });
  workers.push(worker);
  return worker.child;
}

const output = () => workers.flatMap((w) => w.output);
const waitFor = <T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs: number) =>
  waitUntil(what, probe, timeoutMs, output);
const runningOn = (cameraId: number, workerId: string) => runningOnWorker(db, cameraId, workerId);

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-failover-'));
  const id = await upsertUser(db, {
    username: 'admin',
    displayName: 'Admin',
    role: 'admin',
    passwordHash: 'x',
  });
  admin = { id, username: 'admin', displayName: 'Admin', role: 'admin' };
});

afterAll(async () => {
  for (const { child } of workers) if (child.exitCode === null) child.kill('SIGKILL');
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

describe('camera supervision', () => {
  it('moves a camera to the surviving worker after SIGKILL, and follows disable/enable without restarts', async () => {
    // Sealed with the deployment's key, as an admin stores it: the worker processes must open it to run the camera.
    const ctx = {
      db,
      redis,
      channels: channelNames(schema.schema),
      user: admin,
      ip: null,
      secretKey: parseSecretKey(requireEnv('CAMERA_SECRET_KEY')),
    };
    const camera = await createCamera(ctx, {
      name: 'Failover camera',
      nameTh: 'กล้องทดสอบการย้ายงาน',
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: `${requireEnv('RTSP_BASE').replace('rtsp://', 'rtsp://failover:pa55-word@')}/odc_street_traffic_640x360_30fps`,
      detectFps: 2,
    });
    expect(camera.rtspCredentialsSet).toBe(true);
    const workerA = startWorker('worker-a');
    await waitFor('camera online on worker-a', runningOn(camera.id, 'worker-a'), 90_000);

    startWorker('worker-b');
    await new Promise((r) => setTimeout(r, 3000));
    expect((await findCamera(db, camera.id))!.health!.workerId).toBe('worker-a'); // one camera runs once

    const killedAt = Date.now();
    workerA.kill('SIGKILL');
    await waitFor('camera online on worker-b', runningOn(camera.id, 'worker-b'), 60_000);
    const takeoverS = (Date.now() - killedAt) / 1000;
    // Lock expiry plus the stalled check and a stream start: well under a minute.
    expect(takeoverS).toBeLessThan(LOCK_S * 4 + 15);
    console.info(`camera taken over ${takeoverS.toFixed(1)} s after SIGKILL (lock ${LOCK_S} s)`);

    await updateCamera(ctx, camera.id, { enabled: false });
    await waitFor(
      'camera stopped',
      async () => {
        const current = await findCamera(db, camera.id);
        const stale =
          !current?.health?.lastFrameAt || Date.now() - Date.parse(current.health.lastFrameAt) > 3000;
        return current?.status === 'disabled' && stale ? current : null;
      },
      30_000,
    );

    await updateCamera(ctx, camera.id, { enabled: true });
    await waitFor('camera running again', runningOn(camera.id, 'worker-b'), 60_000);
  });
});
