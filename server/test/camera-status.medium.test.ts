// Medium: a worker's status report that lands after an admin disabled the camera does not bring it back 'online'.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { findCamera, insertCamera } from '../src/repositories/cameras.repository';
import { upsertUser } from '../src/repositories/users.repository';
import { channelNames, type ChannelNames } from '../src/realtime/channel-names';
import { reportCameraStatus } from '../src/services/camera-status.service';
import { updateCamera } from '../src/services/cameras.service';
import type { CameraHealth, User } from '../src/schemas';
import { createTestSchema, requireEnv } from './test-env';

let db: Pool;
let redis: Redis;
let channels: ChannelNames;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let admin: User;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  channels = channelNames(schema.schema);
  const id = await upsertUser(db, { username: 'admin', displayName: 'Admin', role: 'admin', passwordHash: 'x' });
  admin = { id, username: 'admin', displayName: 'Admin', role: 'admin' };
});

afterAll(async () => {
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

describe('camera status reports', () => {
  it('drops a worker report that arrives after the camera was disabled, and takes them again once it is enabled', async () => {
    const camera = await insertCamera(db, {
      name: 'Status camera',
      nameTh: 'กล้องทดสอบสถานะ',
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:1/none',
      detectFps: 2,
    });
    const health = { workerId: 'worker-a', lastFrameAt: '2026-12-08T00:00:00.000Z' } as unknown as CameraHealth;
    const report = { cameraId: camera.id, status: 'online' as const, reason: null, seenAt: new Date('2026-12-08T00:00:00Z'), health };
    await reportCameraStatus({ db, redis, channels }, report);
    expect((await findCamera(db, camera.id))!.status).toBe('online');

    const ctx = { db, redis, channels, user: admin, ip: null, secretKey: randomBytes(32) };
    await updateCamera(ctx, camera.id, { enabled: false });
    // The health report the worker sent just before it heard of the change lands now.
    await reportCameraStatus({ db, redis, channels }, report);
    const disabled = (await findCamera(db, camera.id))!;
    expect(disabled.status).toBe('disabled');

    await updateCamera(ctx, camera.id, { enabled: true });
    await reportCameraStatus({ db, redis, channels }, report);
    expect((await findCamera(db, camera.id))!.status).toBe('online');
  });
});
