// Medium: a camera whose link flaps (up a few seconds, down a few seconds) on the real RTSP simulator, ffmpeg,
// YOLOX-nano, PostGIS and Redis: the reconnect backoff holds, no flood of events or alarms, its health shows it.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { Compile } from 'typebox/compile';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { RECORDINGS_MARKER } from '@toc/server/recording-config';
import { findCamera } from '@toc/server/repositories/cameras.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import { CameraHealth, type Camera } from '@toc/server/schemas';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { loadWorkerConfig, type WorkerConfig } from '../src/config';
import { DetectorPool } from '../src/detect/detector-pool';
import { CameraRunner, type CameraRunnerContext } from '../src/camera/camera-runner';
import { insertStreamCamera } from './stream-cameras';

const FLAPS = 5;
const UP_MS = 2000;
const DOWN_MS = 2000;
const STREAM = 'odc_street_traffic_640x360_30fps';

let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let detectors: DetectorPool;
let config: WorkerConfig;
let ctx: CameraRunnerContext;
const logs: { level: string; message: string; detail: Record<string, unknown> }[] = [];

interface Down {
  attempt: number;
  upForMs: number | null;
  retryInMs: number;
  state: string;
}

/** A TCP relay in front of the simulator that the test switches off (connections refused) and on: a flapping link. */
async function startFlappingRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  let accepted = 0;
  const listen = async () => {
    const next = net.createServer((client) => {
      accepted++;
      const upstream = net.connect(Number(target.port), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => sockets.delete(socket));
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
    port = (next.address() as net.AddressInfo).port;
    server = next;
  };
  const down = async () => {
    const current = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    if (current) await new Promise((resolve) => current.close(resolve));
  };
  await listen();
  return { port, up: listen, down, accepted: () => accepted };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitFor = async <T>(
  what: string,
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end)
      throw new Error(`${what} not reached within ${timeoutMs} ms; log: ${JSON.stringify(logs.slice(-5))}`);
    await sleep(100);
  }
};

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  // Recording on, as deployed: each drop also ends a recording run and opens a footage gap.
  const recordingsDir = path.join(await mkdtemp(path.join(tmpdir(), 'toc-flapping-')), 'recordings');
  await mkdir(recordingsDir);
  await writeFile(path.join(recordingsDir, RECORDINGS_MARKER), '');
  const defaults = loadWorkerConfig();
  config = {
    ...defaults,
    retryInitialS: 1,
    retryMaxS: 4,
    // Longer than an up spell: a flap must not start the backoff over.
    retryStableS: 10,
    probeTimeoutS: 3,
    healthIntervalS: 1,
    snapshotDir: await mkdtemp(path.join(tmpdir(), 'toc-flapping-snapshots-')),
    recording: { ...defaults.recording, dir: recordingsDir },
  };
  detectors = new DetectorPool({ modelsDir: config.modelsDir, threads: 1 });
  const announcer = { redis, channels: channelNames(schema.schema) };
  ctx = {
    config,
    db,
    detectors,
    notifier: { db, config: { ...config.notify, publicUrl: config.publicUrl }, log: () => undefined },
    events: createEventStore(db, announcer),
    reportStatus: (report) => reportCameraStatus({ db, ...announcer }, report),
    log: (level, message, detail) => logs.push({ level, message, detail: detail ?? {} }),
  };
});

afterAll(async () => {
  await detectors?.close();
  await db?.end();
  await redis?.quit();
  await schema?.drop();
});

describe('flapping camera', () => {
  it('holds its reconnect backoff, raises no event flood, and shows as unstable in its health', async () => {
    const relay = await startFlappingRelay(new URL(requireEnv('RTSP_BASE')));
    const camera = await insertStreamCamera(db, {
      name: 'Flapping camera',
      nameTh: 'กล้องสัญญาณขาดๆหายๆ',
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: `rtsp://127.0.0.1:${relay.port}/${STREAM}`,
      detectFps: 2,
    });
    const downs = (): Down[] =>
      logs
        .filter((l) => l.message === 'camera down' && l.detail.cameraId === camera.id)
        .map((l) => l.detail as unknown as Down);
    const drops = () => downs().filter((d) => d.upForMs !== null);
    const online = async () => {
      const current = await findCamera(db, camera.id);
      return current?.status === 'online' ? current : null;
    };
    const samples: Camera[] = [];
    let sampling = true;
    const runner = new CameraRunner(camera, ctx);
    try {
      await waitFor('camera online', online, 60_000);
      const startedAt = Date.now();
      const sampler = (async () => {
        while (sampling) {
          const current = await findCamera(db, camera.id);
          if (current) samples.push(current);
          await sleep(200);
        }
      })();
      for (let flap = 1; flap <= FLAPS; flap++) {
        await sleep(UP_MS);
        await relay.down();
        await waitFor(`drop ${flap} seen by the worker`, async () => drops().length >= flap, 10_000);
        await sleep(DOWN_MS);
        await relay.up();
        // Back up: the worker reconnects when its backoff lets it, and streams again for the next flap.
        await waitFor(`camera back online after flap ${flap}`, online, 20_000);
      }
      const flappingS = (Date.now() - startedAt) / 1000;
      const healthy = await waitFor(
        'health reported after the flapping',
        async () => {
          const current = await online();
          return current?.health?.stability?.outagesLastHour === FLAPS ? current : null;
        },
        10_000,
      );
      sampling = false;
      await sampler;
      samples.push(healthy);

      // 1. Backoff holds: the attempt counter never starts over on a brief spell of frames, so the delay climbs.
      const seen = downs();
      const attempts = seen.map((d) => d.attempt);
      expect(attempts).toEqual(attempts.map((_, i) => attempts[0]! + i));
      expect(seen.filter((d) => d.upForMs !== null)).toHaveLength(FLAPS);
      expect(Math.max(...seen.map((d) => d.upForMs ?? 0))).toBeLessThan(config.retryStableS * 1000);
      const last = seen.at(-1)!;
      expect(last.attempt).toBeGreaterThanOrEqual(FLAPS - 1);
      expect(last.retryInMs).toBeGreaterThanOrEqual((config.retryMaxS * 1000) / 2);
      // Each outage of a few seconds is retried at most a few times at the initial delays, then about once: no retry storm.
      expect(seen.length).toBeLessThanOrEqual(3 * FLAPS);

      // 2. No flood: no alarm at all, and vehicle counts at most one per stream run (each run's count is flushed).
      const { rows: events } = await db.query<{ type: string; severity: string; n: number }>(
        'SELECT type, severity, count(*)::int AS n FROM events WHERE camera_id = $1 GROUP BY type, severity ORDER BY type',
        [camera.id],
      );
      const alarms = events.filter((e) => e.type !== 'traffic.vehicles');
      expect(alarms).toEqual([]);
      const counts = events.find((e) => e.type === 'traffic.vehicles')?.n ?? 0;
      expect(counts).toBeLessThanOrEqual(FLAPS + 1);
      const { rows: gaps } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM recording_gaps WHERE camera_id = $1',
        [camera.id],
      );

      // 3. Health shows it: while down and once back online, with the reason in English and Thai.
      const stability = healthy.health!.stability!;
      expect(Compile(CameraHealth).Check(healthy.health)).toBe(true);
      expect(stability).toMatchObject({ outagesLastHour: FLAPS, flapping: true });
      expect(stability.reasonText).toBe(`unstable: the stream dropped ${FLAPS} times in the last hour`);
      expect(stability.reasonTextTh).toMatch(new RegExp(`ไม่เสถียร.*${FLAPS} ครั้ง`));
      const downAndFlapping = samples.filter((s) => s.status !== 'online' && s.health?.stability?.flapping);
      expect(downAndFlapping.length).toBeGreaterThan(0);
      expect(
        samples.filter((s) => s.status === 'online' && s.health?.stability?.flapping).length,
      ).toBeGreaterThan(0);

      const statuses = samples.map((s) => s.status).filter((s, i, all) => i === 0 || all[i - 1] !== s);
      console.log(
        `flapping: ${FLAPS} flaps (up ${UP_MS / 1000} s / down ${DOWN_MS / 1000} s) in ${flappingS.toFixed(1)} s → ` +
          `${seen.length + 1} connection attempts (${drops().length} streamed then dropped, ` +
          `${seen.length - drops().length} refused, 1 streaming now; ${relay.accepted()} TCP connections relayed), ` +
          `attempt ${attempts[0]}→${last.attempt}, backoff delays ${seen.map((d) => (d.retryInMs / 1000).toFixed(1)).join(', ')} s, ` +
          `up spells ${drops()
            .map((d) => (d.upForMs! / 1000).toFixed(1))
            .join(', ')} s; ` +
          `events ${JSON.stringify(events)}, ${alarms.length} alarm rows, ${gaps[0]!.n} recording gaps; ` +
          `status changes ${statuses.length - 1} (${statuses.join('→')}); health ${JSON.stringify(stability)}`,
      );
    } finally {
      sampling = false;
      await runner.stop();
      await relay.down();
    }
  });
});
