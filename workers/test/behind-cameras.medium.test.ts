// Medium: a worker's cameras falling behind on their frames raise one alarm on real PostGIS — the set of cameras in
// its payload, folded into the same alarm as it changes — and the alarm ends when the last one catches up; changes in
// a burst are written once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { queryEvents } from '@toc/server/repositories/events.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { BehindCameras, type BehindCamera } from '../src/camera/behind-cameras';
import { insertStreamCamera } from './stream-cameras';

let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const logged: string[] = [];
let cameras: BehindCamera[];

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  cameras = [];
  for (const [name, nameTh] of [
    ['Route 304', 'ทางหลวง 304'],
    ['Motorway 7', 'มอเตอร์เวย์ 7'],
  ] as const) {
    cameras.push(
      await insertStreamCamera(db, {
        name,
        nameTh,
        location: { lon: 101.07, lat: 13.68 },
        headingDeg: 0,
        fovDeg: 60,
        rtspUrl: 'rtsp://127.0.0.1:8554/none',
        enabled: false,
      }),
    );
  }
});

afterAll(async () => {
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

describe('BehindCameras', () => {
  it('raises one alarm for the cameras behind, follows the set, and ends it when none is left', async () => {
    const events = createEventStore(db, { redis, channels: channelNames(schema.schema) });
    const behind = new BehindCameras({
      db,
      events,
      workerId: 'worker-b',
      log: (_, message, detail) => logged.push(`${message} ${JSON.stringify(detail)}`),
    });
    const alarms = async () =>
      (await queryEvents(db, { type: ['camera.behind'], limit: 10, offset: 0 })).items;

    behind.note(cameras[0]!, true);
    behind.note(cameras[0]!, true); // no change: nothing new
    await behind.written();
    let [alarm, ...others] = await alarms();
    expect(others).toEqual([]);
    expect(alarm).toMatchObject({
      type: 'camera.behind',
      severity: 'high',
      cameraId: null,
      endedAt: null,
      occurrences: 1,
      payload: { cameraIds: [cameras[0]!.id], workerId: 'worker-b' },
    });
    expect(alarm!.payload.reasonText).toContain('new road alarms held on 1 camera: worker worker-b');
    expect(alarm!.payload.reasonTextTh).toContain('ทางหลวง 304');

    behind.note(cameras[1]!, true);
    await behind.written();
    [alarm, ...others] = await alarms();
    expect(others).toEqual([]);
    expect(alarm).toMatchObject({
      cameraId: null,
      occurrences: 2,
      payload: { cameraIds: cameras.map((c) => c.id) },
    });

    behind.note(cameras[0]!, false);
    behind.note(cameras[1]!, false);
    await behind.written();
    [alarm, ...others] = await alarms();
    expect(others).toEqual([]);
    expect(alarm!.endedAt).not.toBeNull();
    expect(logged).toEqual([]);
  });

  it('joins the changes made while a write waits: a burst (a worker stopping its cameras) is one write', async () => {
    const events = createEventStore(db, { redis, channels: channelNames(schema.schema) });
    const behind = new BehindCameras({
      db,
      events,
      workerId: 'worker-c',
      log: (_, message, detail) => logged.push(`${message} ${JSON.stringify(detail)}`),
    });
    const alarm = async () =>
      (await queryEvents(db, { type: ['camera.behind'], limit: 10, offset: 0 })).items.find(
        (event) => event.payload.workerId === 'worker-c',
      );

    for (const camera of cameras) behind.note(camera, true);
    await behind.written();
    expect(await alarm()).toMatchObject({
      occurrences: 1,
      endedAt: null,
      payload: { cameraIds: cameras.map((c) => c.id) },
    });

    for (const camera of cameras) behind.note(camera, false);
    await behind.written();
    const ended = await alarm();
    expect(ended).toMatchObject({ occurrences: 1 });
    expect(ended!.endedAt).not.toBeNull();
    expect(logged).toEqual([]);
  });
});
