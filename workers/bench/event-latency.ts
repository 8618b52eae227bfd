// Frame → event on a socket.io client: a camera frame is detected and tracked, its event written to PostGIS,
// published through Redis and relayed by the real server to a logged-in client; the time is measured per frame.
import { frameGeometry } from '@toc/models';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '@toc/server/app';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { hashPassword } from '@toc/server/services/passwords';
import { createEventStore } from '@toc/server/services/event-store.service';
import type { ClientToServerEvents, ServerToClientEvents } from '@toc/server/schemas';
import { createTestSchema, testConfig } from '@toc/server/testing';
import { startFrameReader } from '../src/ingest/frame-reader';
import { frameLayout } from '../src/pipeline/frame-layout';
import { DetectorPool } from '../src/detect/detector-pool';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import { STREET_SCENE } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { stepFrame } from '../src/pipeline/frame-step';
import { MODEL, STREET, percentile } from './bench-media';

export async function eventLatency(seconds: number): Promise<{ p50: number; p95: number; samples: number }> {
  const schema = await createTestSchema();
  const app = await buildApp(testConfig(schema.databaseUrl, { logLevel: 'error' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await upsertUser(app.db, {
    username: 'bench',
    displayName: 'Bench',
    role: 'operator',
    passwordHash: await hashPassword('bench-pw'),
  });
  const token = (
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench', password: 'bench-pw' },
    })
  ).json().token as string;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseUrl, {
    auth: { token },
    transports: ['websocket'],
  });
  await new Promise<void>((resolve, reject) => socket.on('connect', resolve).on('connect_error', reject));

  const arrivals = new Map<number, number>();
  const latencies: number[] = [];
  socket.on('event', (event) => {
    const frame = Number(event.payload.benchFrame);
    const arrived = arrivals.get(frame);
    if (arrived !== undefined) latencies.push(performance.now() - arrived);
  });

  const redis = new Redis(app.config.redisUrl);
  const events = createEventStore(app.db, { redis, channels: app.channels });
  const pool = new DetectorPool({ modelsDir: undefined, threads: 1 });
  const detector = await pool.get(MODEL);
  const geometry = frameGeometry(detector.manifest, STREET.width, STREET.height);
  const pipeline = new CameraPipeline(
    frameLayout(detector, geometry, STREET.width, STREET.height),
    sceneSetupOf(STREET_SCENE),
  );
  let index = 0;
  let busy = false;
  const reader = startFrameReader({
    source: { file: STREET.file, loop: true, readRate: 1 },
    fps: 5,
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 30,
    onFrame: (frame) => {
      if (busy) return;
      busy = true;
      const frameNo = index++;
      arrivals.set(frameNo, performance.now());
      void stepFrame({ pipeline, detector, scale: geometry }, frame, Date.now())
        .then(({ step }) =>
          events.record({
            type: 'traffic.vehicles',
            severity: 'info',
            location: { lon: 101.0536, lat: 13.7072 },
            cameraId: null,
            startedAt: new Date().toISOString(),
            confidence: null,
            modelId: MODEL,
            payload: { benchFrame: frameNo, tracks: step.tracks.length },
          }),
        )
        .finally(() => (busy = false));
    },
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  reader.stop();
  await reader.done;
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the last frame's event reaches the client
  socket.close();
  await pool.close();
  await redis.quit();
  await app.close();
  await schema.drop();
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), samples: latencies.length };
}
