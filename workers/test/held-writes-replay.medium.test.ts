// Medium: an alarm a dead camera run held in its spill (raised, then updated by its rule key, never ended) is replayed
// by the camera's next run on real PostgreSQL: raised with the snapshot drawn from the spilled frame, updated through
// the fresh incident writer the replay rebuilds its key from, and ended where the dead run's held writes stop.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { channelNames } from '@toc/server/realtime/channel-names';
import { createEventStore } from '@toc/server/services/event-store.service';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { CameraOutputs, type CameraOutputsContext } from '../src/camera/camera-outputs';
import { loadWorkerConfig } from '../src/config';
import type { HeldWrite } from '../src/outputs/held-write';
import { WriteSpill } from '../src/outputs/write-spill';
import type { RuleSignal, Track } from '../src/pipeline/types';
import { insertStreamCamera } from './stream-cameras';

let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: Pool;
let redis: Redis;
let scratch: string;
let ctx: CameraOutputsContext;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  scratch = await mkdtemp(path.join(tmpdir(), 'toc-held-replay-'));
  const config = {
    ...loadWorkerConfig(),
    databaseUrl: schema.databaseUrl,
    snapshotDir: path.join(scratch, 'snapshots'),
    heldWritesDir: path.join(scratch, 'held-writes'),
  };
  ctx = {
    config,
    db,
    events: createEventStore(db, { redis, channels: channelNames(schema.schema) }),
    notifier: { db, config: { ...config.notify, publicUrl: config.publicUrl }, log: () => undefined },
    log: () => undefined,
  };
});

afterAll(async () => {
  await db?.end();
  redis?.disconnect();
  await schema?.drop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const layout = {
  frameWidth: 64,
  frameHeight: 48,
  contentWidth: 64,
  contentHeight: 48,
  colorOrder: 'BGR' as const,
  sourceWidth: 640,
  sourceHeight: 480,
};
const box: [number, number, number, number] = [200, 150, 400, 300];
const track: Track = {
  id: 3,
  classId: 2,
  label: 'car',
  score: 0.9,
  peakScore: 0.9,
  state: 'confirmed',
  box,
  velocity: [0, 0],
  hits: 20,
  missed: 0,
  firstSeen: 0,
  lastSeen: 0,
  history: [],
};

describe('a spill left by a dead camera run', () => {
  it('raises, updates by key and ends its alarm through the next run', async () => {
    const camera = await insertStreamCamera(db, {
      name: 'Replay test',
      nameTh: 'ทดสอบเขียนซ้ำ',
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: 'rtsp://127.0.0.1:9/none',
      detectFps: 5,
    });
    const onset = Date.now() - 60_000;
    const signal: RuleSignal = {
      key: 'stopped:3',
      type: 'traffic.incident',
      kind: 'stopped_vehicle',
      severity: 'high',
      confidence: 0.6,
      onset,
      trackIds: [3],
      imagePoint: [300, 300],
      ground: null,
      detail: { stoppedS: 30 },
    };
    const frame = new Uint8Array(64 * 48 * 3).fill(128);
    const held: HeldWrite[] = [
      {
        kind: 'incident',
        writer: 'dead-run',
        action: { action: 'open', signal },
        shot: { frame, layout, tracks: [track], bestViews: [] },
      },
      {
        kind: 'incident',
        writer: 'dead-run',
        action: {
          action: 'update',
          key: signal.key,
          signal: { ...signal, confidence: 0.9 },
          reopened: false,
        },
        shot: { frame: null, layout, tracks: [track] },
      },
    ];
    const spill = new WriteSpill({
      root: ctx.config.heldWritesDir,
      cameraId: camera.id,
      compactAfter: 100,
      log: () => undefined,
    });
    const heldFrom = Date.now();
    for (const write of held) await spill.add(write).stored;
    const heldUntil = Date.now();
    await spill.close();

    const outputs = new CameraOutputs(camera, ctx);
    await outputs.takeOver();
    await outputs.handBack();

    const { rows } = await db.query<{
      id: number;
      confidence: number;
      ended: number | null;
      snapshots: number;
    }>(
      `SELECT e.id, e.confidence::float8 AS confidence, (extract(epoch FROM e.ended_at) * 1000)::float8 AS ended,
              (SELECT count(*)::int FROM snapshots s WHERE s.event_id = e.id) AS snapshots
         FROM events e WHERE e.camera_id = $1 AND e.type = 'traffic.incident'`,
      [camera.id],
    );
    expect(rows).toHaveLength(1);
    const [alarm] = rows;
    expect(alarm!.confidence).toBeCloseTo(0.9);
    expect(alarm!.snapshots).toBeGreaterThanOrEqual(1);
    expect(alarm!.ended).toBeGreaterThanOrEqual(heldFrom - 1);
    expect(alarm!.ended).toBeLessThanOrEqual(heldUntil + 1);
    expect(await readdir(ctx.config.heldWritesDir)).toEqual([]);
  }, 60_000);
});
