// Medium: an enabled camera no worker has room for raises the cluster's camera.waiting alarm on real PostGIS, read
// from the real BullMQ queue on Redis (camera job hosts with one slot each, their cameras stand-ins), and the alarm
// ends once a worker with room takes the camera.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { listCameras } from '@toc/server/repositories/cameras.repository';
import { queryEvents } from '@toc/server/repositories/events.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import type { StreamCamera } from '@toc/server/services/camera-streams.service';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { CameraJobHost } from '../src/camera/camera-jobs';
import { WaitingCamerasWatch } from '../src/camera/waiting-cameras';
import { loadWorkerConfig } from '../src/config';
import { insertStreamCamera, TEST_CAMERA_KEYS } from './stream-cameras';
import { waitFor } from './worker-process';

let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const hosts: CameraJobHost[] = [];
const cameraIds: number[] = [];

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  for (const [name, nameTh] of [
    ['Bang Pakong bridge', 'สะพานบางปะกง'],
    ['Phanom Sarakham market', 'ตลาดพนมสารคาม'],
  ] as const) {
    const camera = await insertStreamCamera(db, {
      name,
      nameTh,
      location: { lon: 101.07, lat: 13.69 },
      headingDeg: 90,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:9/none',
      enabled: true,
    });
    cameraIds.push(camera.id);
  }
});

afterAll(async () => {
  for (const host of hosts) await host.stop();
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

/** A worker with room for `capacity` cameras, running stand-ins that stream and cost nothing. */
async function startHost(workerId: string, capacity: number, running: Set<number>): Promise<CameraJobHost> {
  const host = new CameraJobHost({
    config: {
      ...loadWorkerConfig(),
      workerId,
      queuePrefix: schema.schema,
      cameraCapacity: capacity,
      cameraStart: capacity,
      reconcileIntervalS: 3600,
    },
    db,
    redis,
    keys: TEST_CAMERA_KEYS,
    startCamera: (camera: StreamCamera) => {
      running.add(camera.id);
      return {
        stop: async () => void running.delete(camera.id),
        reloadScene: async () => undefined,
        load: () => ({ detectFps: 5, inferenceMsPerFrame: null, shortOfFrames: false, silent: false }),
      };
    },
    log: () => undefined,
  });
  hosts.push(host);
  await host.start();
  return host;
}

/** The shared poll of the worker tests, for conditions met here in memory or the database. */
const until = (what: string, done: () => boolean | Promise<boolean>) =>
  waitFor(what, async () => done(), 20_000);

describe('WaitingCamerasWatch', () => {
  it('names the camera no worker has room for after two passes, and ends the alarm once a worker takes it', async () => {
    const onA = new Set<number>();
    const hostA = await startHost('worker-a', 1, onA);
    await until('worker-a running one camera', () => onA.size === 1);
    const watch = new WaitingCamerasWatch({
      db,
      events: createEventStore(db, { redis, channels: channelNames(schema.schema) }),
      enabledCameras: async () => (await listCameras(db)).filter((camera) => camera.enabled),
      waitingCameraIds: () => hostA.waitingCameraIds(),
    });
    const alarms = async () =>
      (await queryEvents(db, { type: ['camera.waiting'], limit: 10, offset: 0 })).items;
    const left = cameraIds.find((id) => !onA.has(id))!;

    expect(await watch.pass()).toEqual([]); // once is not yet waiting
    // The passes a worker's scheduler makes every RECONCILE_INTERVAL_S, here back to back.
    let named: number[] = [];
    await until('the camera left named', async () => {
      named = (await watch.pass()).map((camera) => camera.id);
      return named.length > 0;
    });
    expect(named).toEqual([left]);
    const [alarm, ...others] = await alarms();
    expect(others).toEqual([]);
    expect(alarm).toMatchObject({ type: 'camera.waiting', endedAt: null, payload: { cameraIds: [left] } });
    expect(alarm!.payload.reasonText).toMatch(/^1 camera not analysed: no camera worker has room/);
    await watch.pass();
    expect((await alarms())[0]!.occurrences).toBe(1); // the same cameras waiting: nothing raised again

    const onB = new Set<number>();
    await startHost('worker-b', 2, onB);
    // worker-a hands the job back for 2 s at each offer; worker-b has room.
    await until('worker-b running the camera left', () => onB.has(left));
    expect(onA.size).toBe(1);
    await until('the alarm ended', async () => {
      await watch.pass();
      return (await alarms())[0]!.endedAt !== null;
    });
    expect(await alarms()).toHaveLength(1);
  });
});
