// Medium: Redis restarted empty (no persistence: every camera job and lock gone) under a real worker process running
// a camera on the RTSP simulator: the worker's reconciler adds the job again and the camera carries on, supervised
// by a job once more, and running once — not a second time beside the run whose job was lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { QUEUES, cameraJobId } from '@toc/server/schemas';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { redisProcess, type RedisProcess } from '@toc/server/testing/redis-process';
import { insertStreamCamera, TEST_CAMERA_KEYS } from './stream-cameras';
import { ffmpegChildren, runningOn, startWorkerProcess, waitFor, type WorkerProcess } from './worker-process';

const LOCK_S = 4;
const RECONCILE_S = 2;

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: Pool;
let redis: RedisProcess;
let snapshotDir: string;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  redis = await redisProcess();
  await redis.start();
  snapshotDir = await mkdtemp(path.join(tmpdir(), 'toc-redis-restart-'));
}, 60_000);

afterAll(async () => {
  if (worker?.child.exitCode === null) worker.child.kill('SIGKILL');
  await redis?.kill();
  await db?.end();
  await schema?.drop();
  if (snapshotDir) await rm(snapshotDir, { recursive: true, force: true });
});

describe('Redis restarted empty under a running camera', () => {
  it('adds the camera job again and runs the camera once', async () => {
    const camera = await insertStreamCamera(db, {
      name: 'Redis restart camera',
      nameTh: 'กล้องทดสอบ Redis เริ่มใหม่',
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: `${requireEnv('RTSP_BASE')}/odc_street_traffic_640x360_30fps`,
      detectFps: 2,
    });
    const started = startWorkerProcess('worker-a', {
      DATABASE_URL: schema.databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: schema.schema,
      CAMERA_SECRET_KEY: TEST_CAMERA_KEYS.current.toString('base64'),
      CAMERA_LOCK_S: String(LOCK_S),
      HEALTH_INTERVAL_S: '1',
      RECONCILE_INTERVAL_S: String(RECONCILE_S),
      SNAPSHOT_DIR: snapshotDir,
      LOG_LEVEL: 'warn',
    });
    worker = started;
    const output = () => started.output;
    await waitFor('camera online', runningOn(db, camera.id, 'worker-a'), 90_000, output);
    const ffmpegBefore = await ffmpegChildren(started);
    expect(ffmpegBefore).toBeGreaterThan(0);

    await redis.kill();
    const downAt = performance.now();
    await new Promise((r) => setTimeout(r, 2_000));
    await redis.start();
    const upAt = performance.now();

    const queue = new Queue(QUEUES.cameras, { connection: { url: redis.url }, prefix: schema.schema });
    try {
      // Supervised again: its job is back and active on the worker...
      await waitFor(
        'the camera job active again',
        async () => (await queue.getJob(cameraJobId(camera.id)))?.isActive(),
        30_000,
        output,
      );
      const resumedS = (performance.now() - upAt) / 1000;
      // ...after the lost run was noticed (its lock could not be renewed) and stopped.
      await waitFor(
        'the lost run noticed',
        async () => started.output.some((l) => l.includes('camera job lost')),
        3 * LOCK_S * 1000,
        output,
      );
      const camerasRunning = await waitFor(
        'the camera running',
        runningOn(db, camera.id, 'worker-a'),
        30_000,
        output,
      );
      // Give a second run every chance to show.
      await new Promise((r) => setTimeout(r, 2 * LOCK_S * 1000));
      const ffmpegAfter = await ffmpegChildren(started);
      console.log(
        `cameras: Redis down ${((upAt - downAt) / 1000).toFixed(1)} s and back empty; the camera's job active again ` +
          `${resumedS.toFixed(1)} s later; ffmpeg processes ${ffmpegBefore} before, ${ffmpegAfter} after`,
      );
      expect(camerasRunning.health?.workerId).toBe('worker-a');
      expect(
        await runningOn(db, camera.id, 'worker-a')(),
        `not running ${2 * LOCK_S} s later; output: ${output().slice(-8).join(' | ')}`,
      ).not.toBeNull();
      expect(ffmpegAfter).toBe(ffmpegBefore);
    } finally {
      await queue.close();
    }
  }, 180_000);
});
