// Medium: live frames and tracked objects from a real camera (RTSP simulator, ffmpeg, YOLOX-nano) through the
// worker's frame server and the real fastify/socket.io server to socket clients, with role checks; and the
// full-resolution still picture for the setup editors.
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import sharp from 'sharp';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '@toc/server/app';
import { streetCalibrationPairs } from '@toc/server/db/demo-scenes';
import { calibrate } from '@toc/server/geometry/calibration';
import { saveCalibration } from '@toc/server/repositories/scene.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { hashPassword } from '@toc/server/services/passwords';
import { createEventStore } from '@toc/server/services/event-store.service';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import type { Ack, ClientToServerEvents, LiveFrameMeta, ServerToClientEvents, TrackedObjectsMessage } from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import { loadWorkerConfig } from '../src/config';
import { DetectorPool } from '../src/detect/detector-pool';
import { CameraRunner } from '../src/camera/camera-runner';
import { LiveFeeds } from '../src/live/live-feeds';
import { FrameServer } from '../src/live/frame-server';
import { insertStreamCamera } from './stream-cameras';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let detectors: DetectorPool;
let live: LiveFeeds;
let frameServer: FrameServer;
let runner: CameraRunner;
let baseUrl: string;
let cameraId: number;
const location = { lon: 101.0536, lat: 13.7072 };
const tokens: Record<string, string> = {};
const clients: Client[] = [];

const until = async <T>(probe: () => T | null | undefined | false, timeoutMs: number, what: string): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

function connect(role: string): Promise<Client> {
  const socket: Client = io(baseUrl, { auth: { token: tokens[role] }, transports: ['websocket'], reconnection: false });
  clients.push(socket);
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

const ask = <E extends 'frames.watch' | 'objects.watch'>(socket: Client, name: E, body: Parameters<ClientToServerEvents[E]>[0]) =>
  new Promise<Ack>((resolve) => (socket.emit as (n: string, b: unknown, cb: (a: Ack) => void) => void)(name, body, resolve));

const get = (url: string, role: string) => fetch(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${tokens[role]}` } });

beforeAll(async () => {
  schema = await createTestSchema();
  const queuePrefix = `live-${randomBytes(4).toString('hex')}`;
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const role of ['operator', 'viewer', 'police'] as const) {
    await upsertUser(app.db, { username: role, displayName: role, role, passwordHash: await hashPassword('pw') });
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: role, password: 'pw' }),
    });
    tokens[role] = ((await login.json()) as { token: string }).token;
  }

  const camera = await insertStreamCamera(app.db, {
    name: 'Live test',
    nameTh: 'ทดสอบภาพสด',
    location,
    headingDeg: 80,
    fovDeg: 60,
    rtspUrl: `${requireEnv('RTSP_BASE')}/odc_street_traffic_640x360_30fps`,
    detectFps: 5,
  });
  cameraId = camera.id;
  const pairs = streetCalibrationPairs(location, 80);
  const fit = calibrate(pairs);
  if (!fit.ok) throw new Error(fit.reason);
  await saveCalibration(app.db, { cameraId, pairs, homography: fit.homography, origin: fit.origin, error: fit.error }, null);

  redis = new Redis(requireEnv('REDIS_URL'));
  const config = { ...loadWorkerConfig(), queuePrefix, healthIntervalS: 1, snapshotDir: await mkdtemp(path.join(tmpdir(), 'toc-live-')) };
  const log = () => undefined;
  detectors = new DetectorPool({ modelsDir: config.modelsDir, threads: 1 });
  live = new LiveFeeds({ redis, queuePrefix, workerId: 'live-test', objectsIntervalMs: 1000, log });
  frameServer = new FrameServer(live, { host: '127.0.0.1', port: 0, maxFps: 5, maxStreamsPerCamera: 4 });
  await frameServer.listen();
  runner = new CameraRunner(camera, {
    config,
    db: app.db,
    detectors,
    live,
    events: createEventStore(app.db, { redis, channels: app.channels }),
    notifier: { db: app.db, config: { ...config.notify, publicUrl: config.publicUrl }, log },
    reportStatus: (report) => reportCameraStatus({ db: app.db, redis, channels: app.channels }, report),
    log,
  });
});

afterAll(async () => {
  clients.forEach((c) => c.close());
  await runner?.stop();
  await frameServer?.close();
  await live?.close();
  await detectors?.close();
  await app?.close();
  await redis?.quit();
  await schema?.drop();
});

describe('live video', () => {
  it('streams JPEG frames with boxes to an operator at the rate asked, and stops when asked', async () => {
    const socket = await connect('operator');
    const frames: { meta: LiveFrameMeta; jpeg: Buffer; at: number }[] = [];
    socket.on('camera.frame', (meta, jpeg) => frames.push({ meta, jpeg: Buffer.from(jpeg), at: Date.now() }));
    expect(await ask(socket, 'frames.watch', { cameraIds: [cameraId], maxFps: 2 })).toEqual({ ok: true });

    await until(() => frames.length >= 6, 90_000, 'six live frames');
    const { meta, jpeg } = frames[frames.length - 1]!;
    expect(meta.cameraId).toBe(cameraId);
    const info = await sharp(jpeg).metadata();
    expect(info.format).toBe('jpeg');
    expect([info.width, info.height]).toEqual([meta.width, meta.height]);
    // The busy street: cars are boxed, in fractions of the picture.
    const boxes = frames.flatMap((f) => f.meta.boxes);
    expect(boxes.some((b) => b.label === 'car')).toBe(true);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(1.0001);
    }
    // Bounded per tile: never more than the 2 frames/s asked (plus one for the window's edges).
    const recent = frames.slice(-5);
    const spanS = (recent[recent.length - 1]!.at - recent[0]!.at) / 1000;
    expect(recent.length - 1).toBeLessThanOrEqual(2 * spanS + 1);

    expect(await ask(socket, 'frames.watch', { cameraIds: [] })).toEqual({ ok: true });
    await new Promise((r) => setTimeout(r, 1_000));
    const stoppedAt = frames.length;
    await new Promise((r) => setTimeout(r, 2_000));
    expect(frames.length).toBe(stoppedAt);
  });

  it('lets a viewer watch, refuses police (recorded evidence only), and rejects a malformed request', async () => {
    const viewer = await connect('viewer');
    expect(await ask(viewer, 'frames.watch', { cameraIds: [cameraId] })).toEqual({ ok: true });
    const police = await connect('police');
    const refused = await ask(police, 'frames.watch', { cameraIds: [cameraId] });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/not allowed for the police role \/ .*ไม่มีสิทธิ์/);
    const invalid = await ask(viewer, 'frames.watch', { cameraIds: [cameraId], maxFps: 60 } as never);
    expect(invalid.ok).toBe(false);
    expect(invalid.error).toMatch(/maxFps/);
  });

  it('sends the tracked objects of the calibrated camera, on the ground near it, only to sockets that asked', async () => {
    const watching = await connect('viewer');
    const notWatching = await connect('viewer');
    const seen: TrackedObjectsMessage[] = [];
    const unasked: TrackedObjectsMessage[] = [];
    watching.on('objects', (m) => seen.push(m));
    notWatching.on('objects', (m) => unasked.push(m));
    expect(await ask(watching, 'objects.watch', { enabled: true })).toEqual({ ok: true });
    const message = await until(() => seen.find((m) => m.cameraId === cameraId && m.objects.length > 0), 60_000, 'tracked objects');
    for (const object of message.objects) {
      expect(object.id).toMatch(new RegExp(`^${cameraId}:\\d+$`));
      // Within 300 m of the camera (the calibrated view covers the street in front of it).
      expect(Math.abs(object.lon - location.lon)).toBeLessThan(0.003);
      expect(Math.abs(object.lat - location.lat)).toBeLessThan(0.003);
    }
    expect(unasked).toEqual([]);
  });

  it('gives operators a full-resolution still for the editors, and refuses other roles and dead streams', async () => {
    const still = await get(`/api/cameras/${cameraId}/frame.jpg`, 'operator');
    expect(still.status).toBe(200);
    expect(still.headers.get('content-type')).toBe('image/jpeg');
    const info = await sharp(Buffer.from(await still.arrayBuffer())).metadata();
    expect([info.width, info.height]).toEqual([640, 360]);
    expect((await get(`/api/cameras/${cameraId}/frame.jpg`, 'police')).status).toBe(403);
    expect((await get('/api/cameras/999999/frame.jpg', 'operator')).status).toBe(404);

    const dead = await insertStreamCamera(
      app.db,
      { name: 'Dead', nameTh: 'เสีย', location, headingDeg: 0, fovDeg: 60, rtspUrl: 'rtsp://admin:s3cret@127.0.0.1:9/none' },
      app.cameraKeys,
    );
    const reply = await get(`/api/cameras/${dead.id}/frame.jpg`, 'operator');
    expect(reply.status).toBe(503);
    const reason = JSON.stringify(await reply.json());
    expect(reason).toMatch(/no picture/);
    // ffmpeg's error names the URL: the camera's password must not reach the browser.
    expect(reason).not.toContain('s3cret');
  });
});
