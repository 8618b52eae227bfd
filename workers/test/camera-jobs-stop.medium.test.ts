// Medium: a worker told to stop while it syncs its cameras (real BullMQ on Redis, cameras in PostGIS) stops the sync at
// the camera it is on instead of reloading every other camera's scene first: with hundreds of cameras on a busy
// database that sync outlasted the shutdown grace time (bench:scale, 300 cameras: killed after 30 s).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { CameraJobHost } from '../src/camera/camera-jobs';
import { loadWorkerConfig } from '../src/config';
import { insertStreamCamera, TEST_CAMERA_KEYS } from './stream-cameras';

const CAMERAS = 12;
/** How long each camera's scene reload takes here: a sync of all of them lasts a few seconds. */
const RELOAD_MS = 250;

let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  for (let i = 1; i <= CAMERAS; i++) {
    await insertStreamCamera(db, {
      name: `Stop ${i}`,
      nameTh: `กล้องหยุด ${i}`,
      location: { lon: 101.07, lat: 13.69 },
      headingDeg: 90,
      fovDeg: 60,
      rtspUrl: `rtsp://127.0.0.1:9/stop-${i}`,
      enabled: true,
    });
  }
});

afterAll(async () => {
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

const waitFor = async (what: string, done: () => boolean) => {
  for (const end = Date.now() + 20_000; !done();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('CameraJobHost.stop', () => {
  it('ends a sync under way at the camera it is on, then hands every camera back', async () => {
    const reloads: { at: number }[] = [];
    const stopped: number[] = [];
    const host = new CameraJobHost({
      config: {
        ...loadWorkerConfig(),
        workerId: 'stop-test',
        queuePrefix: schema.schema,
        cameraCapacity: CAMERAS,
        cameraStart: CAMERAS,
        // No timed sync: the test starts the one it stops in.
        reconcileIntervalS: 3600,
      },
      db,
      redis,
      keys: TEST_CAMERA_KEYS,
      startCamera: (camera) => ({
        stop: async () => void stopped.push(camera.id),
        load: () => ({
          detectFps: camera.detectFps,
          inferenceMsPerFrame: null,
          shortOfFrames: false,
          silent: false,
        }),
        reloadScene: async () => {
          reloads.push({ at: performance.now() });
          await new Promise((resolve) => setTimeout(resolve, RELOAD_MS));
        },
      }),
      log: () => undefined,
    });
    await host.start();
    await waitFor('every camera running', () => host.cameraIds.length === CAMERAS);
    // A full pass (after any the start queued) reloads every camera running here.
    await host.sync();
    expect(reloads.length).toBeGreaterThanOrEqual(CAMERAS);

    reloads.length = 0;
    void host.sync();
    await waitFor('the sync to reach the cameras', () => reloads.length > 0);
    const stopAt = performance.now();
    await host.stop();
    // The reload under way when the stop came finishes; no other camera's starts after it.
    expect(reloads.filter((reload) => reload.at > stopAt)).toEqual([]);
    expect(reloads.length).toBeLessThan(CAMERAS);
    expect(stopped).toHaveLength(CAMERAS);
  });
});
