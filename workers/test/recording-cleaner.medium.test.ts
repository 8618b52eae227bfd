// Medium: retention on real PostGIS, Redis and files. The cleaner deletes footage past its camera's max days, and under
// space pressure (quota or free-space floor) the oldest footage across cameras first; it never deletes footage under an
// active hold (but does once the hold is released or expired) nor footage younger than its camera's min days; with only
// protected footage left it pauses the lowest-priority cameras, raises the alarm, and resumes them when space is back;
// it refuses to touch anything when the volume is missing or unmarked (alarm, no directory created). The one seam:
// the free space figure, here the size of a pretend disk minus the files in the temporary recordings folder.
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '@toc/server/app';
import { RECORDINGS_MARKER, type RecordingConfig } from '@toc/server/recording-config';
import { upsertCameraRecording } from '@toc/server/repositories/camera-recording.repository';
import { insertEvidenceHold } from '@toc/server/repositories/evidence-holds.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import type { Event } from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import { cleanOnce, SPACE_MARGIN_FRACTION, type CleanerContext } from '../src/record/cleaner';
import { RedisLease } from '../src/lib/redis-lease';

const DAY = 86_400_000;
const SEGMENT = 1000;

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let root: string;
let dir: string;
let adminId: number;
let cameras: { low: number; high: number; off: number };
/** The pretend disk the recordings folder is on. */
let diskBytes = 1e9;
const logged: { level: string; message: string; detail?: Record<string, unknown> }[] = [];

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  await app.ready();
  redis = new Redis(requireEnv('REDIS_URL'));
  root = await mkdtemp(path.join(tmpdir(), 'toc-cleaner-'));
  dir = path.join(root, 'recordings');
  adminId = await upsertUser(app.db, {
    username: 'admin',
    displayName: 'admin',
    role: 'admin',
    passwordHash: 'x',
  });
  const camera = async (name: string, enabled = true) =>
    (
      await app.db.query<{ id: number }>(
        `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled)
         VALUES ($1, $2, ST_SetSRID(ST_MakePoint(101.07, 13.69), 4326), 90, 60, 'rtsp://127.0.0.1:9/c', $3) RETURNING id`,
        [name, `กล้อง ${name}`, enabled],
      )
    ).rows[0]!.id;
  cameras = { low: await camera('Low'), high: await camera('High'), off: await camera('Off', false) };
});

afterAll(async () => {
  await redis?.quit();
  await app?.close();
  await schema?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  for (const table of ['recording_segments', 'evidence_holds', 'camera_recording', 'event_updates', 'events'])
    await app.db.query(`DELETE FROM ${table}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, RECORDINGS_MARKER), '');
  diskBytes = 1e9;
  logged.length = 0;
  // Priorities: 'low' stops recording first.
  await upsertCameraRecording(app.db, cameras.low, { enabled: true, minDays: 2, maxDays: 30, priority: 10 });
  await upsertCameraRecording(app.db, cameras.high, { enabled: true, minDays: 2, maxDays: 30, priority: 80 });
});

const recording = (overrides: Partial<RecordingConfig> = {}): RecordingConfig => ({
  ...app.config.recording,
  dir,
  defaultMinDays: 2,
  defaultMaxDays: 30,
  quotaBytes: 1e8,
  freeFloorBytes: 1000,
  lowStorageHours: 24,
  ...overrides,
});

async function filesBytes(folder: string): Promise<number> {
  let sum = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) sum += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return sum;
}

function context(overrides: Partial<RecordingConfig> = {}): CleanerContext {
  return {
    db: app.db,
    events: createEventStore(app.db, { redis, channels: app.channels }),
    config: recording(overrides),
    // The pretend disk: its size less what the recordings folder holds, so deleting files frees space.
    statfs: async (folder) => ({ bsize: 1, bavail: Math.max(0, diskBytes - (await filesBytes(folder))) }),
    log: (level, message, detail) => logged.push({ level, message, detail }),
  };
}

let segmentNo = 0;
/** A closed segment of `cameraId` that started `ageDays` ago: its file (SEGMENT bytes) and its index row. */
async function segment(cameraId: number, ageDays: number, options: { file?: boolean } = {}): Promise<string> {
  const started = new Date(Date.now() - ageDays * DAY);
  const ended = new Date(started.getTime() + 10_000);
  const relative = `${cameraId}/${started.toISOString().slice(0, 10)}/${started.toISOString().replace(/[-:.]/g, '')}-${++segmentNo}.mp4`;
  if (options.file !== false) {
    await mkdir(path.join(dir, path.dirname(relative)), { recursive: true });
    await writeFile(path.join(dir, relative), Buffer.alloc(SEGMENT, 7));
  }
  await app.db.query(
    `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height, init_bytes,
                                     worker_id, clock_source)
     VALUES ($1, $2, $3, $4, $5, $6, 'h264', 1280, 720, 800, 'w1', 'ntp')`,
    [cameraId, started, ended, SEGMENT, relative, 'b'.repeat(64)],
  );
  return relative;
}

const indexed = async (): Promise<string[]> =>
  (await app.db.query<{ path: string }>('SELECT path FROM recording_segments ORDER BY started_at')).rows.map(
    (r) => r.path,
  );
const onDisk = (relative: string) => existsSync(path.join(dir, relative));

async function hold(
  cameraId: number,
  fromDays: number,
  toDays: number,
  fields: { expiresAt?: Date; released?: boolean } = {},
): Promise<number> {
  const { rows } = await app.db.query<{ id: number }>(
    `INSERT INTO evidence_holds (camera_id, starts_at, ends_at, reason, expires_at, created_by, released_at, released_by, release_reason)
     VALUES ($1, $2, $3, 'case 45/2569', $4, $5, CASE WHEN $6 THEN now() END, CASE WHEN $6 THEN $5::int END, CASE WHEN $6 THEN 'closed' END)
     RETURNING id`,
    [
      cameraId,
      new Date(Date.now() - fromDays * DAY),
      new Date(Date.now() - toDays * DAY),
      fields.expiresAt ?? null,
      adminId,
      fields.released ?? false,
    ],
  );
  return rows[0]!.id;
}

const alarms = async (type: Event['type']) =>
  (
    await app.db.query<{
      id: number;
      ended_at: Date | null;
      occurrences: number;
      severity: string;
      payload: Record<string, unknown>;
    }>('SELECT id, ended_at, occurrences, severity, payload FROM events WHERE type = $1 ORDER BY id', [type])
  ).rows;

const paused = async () =>
  (
    await app.db.query<{ camera_id: number; paused_reason: string }>(
      'SELECT camera_id, paused_reason FROM camera_recording WHERE paused_at IS NOT NULL ORDER BY camera_id',
    )
  ).rows;

describe('retention by age', () => {
  it("deletes footage past its camera's max days (row, file, emptied date folder) and keeps the rest", async () => {
    await upsertCameraRecording(app.db, cameras.low, {
      enabled: true,
      minDays: 2,
      maxDays: 10,
      priority: 10,
    });
    const lowOld = await segment(cameras.low, 11);
    const lowKept = await segment(cameras.low, 9);
    // 'high' keeps 30 days; 'off' has no settings: the defaults (30 days).
    const highOld = await segment(cameras.high, 31);
    const highKept = await segment(cameras.high, 20);
    const offOld = await segment(cameras.off, 40);
    const gone = await segment(cameras.off, 35, { file: false });

    const report = await cleanOnce(context());
    expect(report).toMatchObject({ available: true, deletedByAge: 4, deletedForSpace: 0, paused: [] });
    expect(await indexed()).toEqual([highKept, lowKept]);
    for (const relative of [lowOld, highOld, offOld]) expect(onDisk(relative), relative).toBe(false);
    for (const relative of [lowKept, highKept]) expect(onDisk(relative), relative).toBe(true);
    // The emptied date folders go; the camera folders and the volume stay.
    expect(existsSync(path.join(dir, path.dirname(lowOld)))).toBe(false);
    expect(existsSync(path.join(dir, path.dirname(lowKept)))).toBe(true);
    expect(existsSync(path.join(dir, String(cameras.off)))).toBe(true);
    // A file already gone is a warning in the log, not a failure.
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        detail: expect.objectContaining({ path: gone, code: 'ENOENT' }),
      }),
    );
  });
});

describe('retention under space pressure', () => {
  it('deletes the oldest footage across cameras first, just enough to get back under the quota with the margin', async () => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push(await segment(i % 2 ? cameras.low : cameras.high, 20 - i));
    const quota = 10 * SEGMENT;
    const report = await cleanOnce(context({ quotaBytes: quota }));
    // 12 kB used: 2 kB over, plus the margin (5 % of the quota: 500 B) → three segments, the three oldest, both cameras.
    expect(SPACE_MARGIN_FRACTION * quota).toBe(500);
    expect(report).toMatchObject({
      deletedByAge: 0,
      deletedForSpace: 3,
      freedBytes: 3 * SEGMENT,
      paused: [],
    });
    expect(await indexed()).toEqual(made.slice(3));
    for (const relative of made.slice(0, 3)) expect(onDisk(relative)).toBe(false);
    // Under the quota now: the next pass deletes nothing.
    expect((await cleanOnce(context({ quotaBytes: quota }))).deletedForSpace).toBe(0);
  });

  it('frees space for the free-space floor as well', async () => {
    const made: string[] = [];
    for (let i = 0; i < 6; i++) made.push(await segment(cameras.low, 10 - i));
    diskBytes = 6 * SEGMENT + 1500; // 1.5 kB free; the floor wants 3 kB (plus the margin)
    const report = await cleanOnce(context({ quotaBytes: 1e6, freeFloorBytes: 3 * SEGMENT }));
    // Short by 1.5 kB, plus the margin (50 kB: 5 % of the quota) → everything that may go, oldest first.
    expect(report.deletedForSpace).toBe(6);
    expect(await indexed()).toEqual([]);
  });

  it('never deletes footage younger than its min days, even while still short', async () => {
    await upsertCameraRecording(app.db, cameras.high, {
      enabled: true,
      minDays: 5,
      maxDays: 30,
      priority: 80,
    });
    const old = await segment(cameras.high, 6);
    const young = [
      await segment(cameras.high, 4),
      await segment(cameras.high, 1),
      await segment(cameras.low, 1),
    ];
    const report = await cleanOnce(context({ quotaBytes: SEGMENT }));
    expect(report.deletedForSpace).toBe(1);
    expect(await indexed()).toEqual(young);
    expect(onDisk(old)).toBe(false);
    for (const relative of young) expect(onDisk(relative)).toBe(true);
  });
});

describe('evidence holds', () => {
  it('keeps held footage from age and space pressure alike, and lets it go once released or expired', async () => {
    const heldOld = await segment(cameras.low, 40); // past max days, under an active hold
    const heldSpace = await segment(cameras.low, 10); // deletable for space, under the same camera's other hold
    const releasedOld = await segment(cameras.high, 40);
    const expiredOld = await segment(cameras.high, 39);
    const free = await segment(cameras.high, 12);
    const active = await hold(cameras.low, 41, 39, { expiresAt: new Date(Date.now() + DAY) });
    await hold(cameras.low, 11, 9);
    await hold(cameras.high, 41, 39.5, { released: true });
    await hold(cameras.high, 39.5, 38, { expiresAt: new Date(Date.now() - 1000) });
    // A hold on another camera over the same time protects nothing here.
    await hold(cameras.off, 13, 11);

    const report = await cleanOnce(context({ quotaBytes: SEGMENT }));
    expect(report).toMatchObject({ deletedByAge: 2, deletedForSpace: 1 });
    expect(await indexed()).toEqual([heldOld, heldSpace]);
    for (const relative of [releasedOld, expiredOld, free]) expect(onDisk(relative)).toBe(false);
    expect(onDisk(heldOld) && onDisk(heldSpace)).toBe(true);

    await app.db.query(
      "UPDATE evidence_holds SET released_at = now(), released_by = $2, release_reason = 'case closed' WHERE id = $1",
      [active, adminId],
    );
    await cleanOnce(context({ quotaBytes: SEGMENT }));
    expect(await indexed()).toEqual([heldSpace]);
    expect(onDisk(heldOld)).toBe(false);
  });
});

describe('a hold made while the cleaner runs', () => {
  it('is honoured: a delete that starts while the hold is being made waits for it and then spares its footage', async () => {
    const held = await segment(cameras.low, 40);
    // The hold is inserted (under the retention lock) but not committed yet when the pass starts.
    const maker = await app.db.connect();
    try {
      await maker.query('BEGIN');
      const from = new Date(Date.now() - 41 * DAY).toISOString();
      const to = new Date(Date.now() - 39 * DAY).toISOString();
      await insertEvidenceHold(maker, { cameraId: cameras.low, from, to, reason: 'request 7/2569' }, adminId);
      let finished = false;
      const pass = cleanOnce(context()).finally(() => {
        finished = true;
      });
      // Wait until the pass's delete is queued behind the lock (or, without the lock, has run already).
      for (let waiting = 0; !finished && waiting === 0;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        waiting = (
          await app.db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE l.locktype = 'advisory' AND NOT l.granted AND a.query LIKE '%recording-retention%'`,
          )
        ).rows[0]!.n;
      }
      await maker.query('COMMIT');
      expect((await pass).deletedByAge).toBe(0);
    } finally {
      maker.release();
    }
    expect(await indexed()).toEqual([held]);
    expect(onDisk(held)).toBe(true);
  });
});

describe('only protected footage left', () => {
  it('pauses the lowest-priority camera, one more each pass, raises the alarm, deletes nothing, and resumes when space is back', async () => {
    const young = [
      await segment(cameras.high, 1.5),
      await segment(cameras.low, 1),
      await segment(cameras.high, 0.5),
    ];
    await hold(cameras.low, 30, 20);
    const old = await segment(cameras.low, 25); // old enough, but held
    const config = { quotaBytes: 2 * SEGMENT };

    const first = await cleanOnce(context(config));
    expect(first).toMatchObject({ deletedByAge: 0, deletedForSpace: 0, paused: [cameras.low] });
    expect(await paused()).toEqual([{ camera_id: cameras.low, paused_reason: 'storage_full' }]);
    let [alarm] = await alarms('recording.paused');
    expect(alarm).toMatchObject({
      ended_at: null,
      occurrences: 1,
      severity: 'high',
      payload: expect.objectContaining({ cameraIds: [cameras.low] }),
    });
    expect(JSON.stringify(alarm!.payload)).toMatch(/[\u0E00-\u0E7F]/);
    // Full: the storage alarm says so too.
    expect((await alarms('recording.storage'))[0]).toMatchObject({
      ended_at: null,
      payload: expect.objectContaining({ condition: 'full', hoursLeft: 0 }),
    });

    // Still short: the next camera up (the disabled one is not recording, so never paused); the same alarm, counted.
    expect((await cleanOnce(context(config))).paused).toEqual([cameras.high]);
    expect((await paused()).map((p) => p.camera_id)).toEqual(
      [cameras.low, cameras.high].sort((a, b) => a - b),
    );
    [alarm] = await alarms('recording.paused');
    expect(alarm).toMatchObject({
      occurrences: 2,
      payload: expect.objectContaining({ cameraIds: [cameras.high, cameras.low] }),
    });
    // Nobody left to pause: nothing changes, and the alarm is not counted again.
    expect((await cleanOnce(context(config))).paused).toEqual([]);
    expect((await alarms('recording.paused'))[0]!.occurrences).toBe(2);
    expect(await indexed()).toEqual([old, ...young]);

    // The hold is released: the old footage may go, and with it below the quota by the margin, recording resumes.
    await app.db.query(
      "UPDATE evidence_holds SET released_at = now(), released_by = $1, release_reason = 'case closed'",
      [adminId],
    );
    const back = await cleanOnce(context({ quotaBytes: 4 * SEGMENT }));
    expect(back).toMatchObject({ deletedForSpace: 1, resumed: [cameras.high, cameras.low] });
    expect(await paused()).toEqual([]);
    expect((await alarms('recording.paused'))[0]!.ended_at).not.toBeNull();
    expect(await indexed()).toEqual(young);
  });
});

describe('storage forecast', () => {
  it('raises the storage-low alarm with the hours left at the current write rate, and ends it when there is room again', async () => {
    // 5 segments written in the last hour, all under their camera's 2 min days: kept at this rate, protected footage
    // would level off at 5 × 24 × 2 segments, far over a 20-segment quota; it fills the rest in 3 hours.
    for (let i = 0; i < 5; i++) await segment(cameras.low, 0.01);
    const report = await cleanOnce(context({ quotaBytes: 20 * SEGMENT }));
    expect(report.hoursLeft).toBe(3);
    const [alarm] = await alarms('recording.storage');
    expect(alarm).toMatchObject({
      ended_at: null,
      severity: 'medium',
      payload: expect.objectContaining({ condition: 'low', hoursLeft: 3 }),
    });
    // Checked again: the same alarm, not another occurrence.
    await cleanOnce(context({ quotaBytes: 20 * SEGMENT }));
    expect(await alarms('recording.storage')).toHaveLength(1);
    expect((await alarms('recording.storage'))[0]!.occurrences).toBe(1);

    // Room for everything min days protects at this rate: no shortage ahead (a full quota alone is normal).
    expect((await cleanOnce(context({ quotaBytes: 1e9 }))).hoursLeft).toBeNull();
    expect((await alarms('recording.storage'))[0]!.ended_at).not.toBeNull();
  });
});

describe('volume unavailable', () => {
  it('raises the volume alarm and touches nothing when the folder is missing or unmarked; silent when not configured', async () => {
    const expired = await segment(cameras.low, 40);
    const before = await indexed();
    const missing = path.join(root, 'not-mounted');
    await rm(path.join(dir, RECORDINGS_MARKER));

    for (const config of [{ dir: null }, { dir: missing }, { dir }]) {
      const report = await cleanOnce(context({ ...config, quotaBytes: 1 }));
      expect(report).toMatchObject({ available: false, deletedByAge: 0, deletedForSpace: 0, paused: [] });
    }
    expect(existsSync(missing)).toBe(false);
    expect(await indexed()).toEqual(before);
    expect(onDisk(expired)).toBe(true);
    expect(await paused()).toEqual([]);
    // Not configured is a deployment's choice, not an alarm; then one alarm, counted when the reason changed
    // (missing → unmarked), and not again for the same reason.
    const [alarm, ...more] = await alarms('recording.volume');
    expect(more).toEqual([]);
    expect(alarm).toMatchObject({
      ended_at: null,
      severity: 'critical',
      occurrences: 2,
      payload: expect.objectContaining({ problem: 'unmarked' }),
    });
    await cleanOnce(context());
    expect((await alarms('recording.volume'))[0]!.occurrences).toBe(2);

    // The volume is back: the alarm ends and the cleaning happens.
    await writeFile(path.join(dir, RECORDINGS_MARKER), '');
    expect((await cleanOnce(context())).deletedByAge).toBe(1);
    expect((await alarms('recording.volume'))[0]!.ended_at).not.toBeNull();
  });
});

describe('one cleaner at a time', () => {
  it('gives the lease to one worker, renews it for that worker only, and frees it on release', async () => {
    const key = `${schema.schema}:recording-cleaner`;
    const one = new RedisLease(redis, key, 60_000);
    const two = new RedisLease(redis, key, 60_000);
    expect(await one.acquire()).toBe(true);
    expect(await two.acquire()).toBe(false);
    expect(await one.acquire()).toBe(true);
    await two.release(); // not its lease: nothing happens
    expect(await two.acquire()).toBe(false);
    await one.release();
    expect(await two.acquire()).toBe(true);
    await two.release();
  });
});
