// Medium: the recordings volume really fills up (a small tmpfs, ENOSPC, no quota playing it) under a camera recording
// from the RTSP simulator with real ffmpeg, YOLOX-nano, PostGIS and Redis. The recorder stops with a `storage_full`
// gap and its alarm, the camera goes on analysing (vehicle counts keep coming) without a tight retry loop; the cleaner
// frees the oldest unprotected footage (never held footage), and recording resumes; full again with only protected
// footage left, the camera is paused and resumes once space is back. The index stays truthful throughout.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '@toc/server/db/migrate';
import { createPool, type Pool } from '@toc/server/db/pool';
import { loadRecordingConfig, RECORDINGS_MARKER, type RecordingConfig } from '@toc/server/recording-config';
import { findCamera } from '@toc/server/repositories/cameras.repository';
import { upsertCameraRecording } from '@toc/server/repositories/camera-recording.repository';
import { insertEvidenceHold } from '@toc/server/repositories/evidence-holds.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { reportCameraStatus } from '@toc/server/services/camera-status.service';
import type { StreamCamera } from '@toc/server/services/camera-streams.service';
import { createEventStore } from '@toc/server/services/event-store.service';
import { channelNames } from '@toc/server/realtime/channel-names';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { loadWorkerConfig } from '../src/config';
import { DetectorPool } from '../src/detect/detector-pool';
import { CameraRunner, type CameraRunnerContext } from '../src/camera/camera-runner';
import { startCleaner } from '../src/record/cleaner';
import { incomingDir } from '../src/record/segment-paths';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';
import { insertStreamCamera } from './stream-cameras';

const run = promisify(execFile);
const MB = 1024 * 1024;
const GIB = 1024 ** 3;
const DAY = 86_400_000;
/** The volume: most of it taken by files that are not footage (another process writing there). */
const VOLUME_MB = 24;
/** Room left for the camera at the start: full in ≈12 s at its ≈0.65 Mbit/s (640×360). */
const ROOM_AT_START = 1.1 * MB;
/** The free-space floor: a deployment's 5 GB in miniature (the recorder's own "full" mark is 1 MiB too). */
const FLOOR_BYTES = MB;
const WINDOW_MS = 5_000;
const SEGMENT_S = 2;
const INTERVAL_S = 1;
const STREAM = 'odc_street_traffic_640x360_30fps';
const FPS = 30;

/** Mounting needs root (CAP_SYS_ADMIN): `npm test` also runs unprivileged (services.sh supports it), so probe first. */
async function mountRefusal(): Promise<string | null> {
  const probe = await mkdtemp(path.join(tmpdir(), 'toc-mount-probe-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    await run('umount', [probe]);
    return null;
  } catch (error) {
    const text = `${(error as Error).message}`;
    if (/permission|not permitted|only root|EPERM|EACCES/i.test(text))
      return `needs permission to mount a tmpfs (root with CAP_SYS_ADMIN): ${text.trim().split('\n').at(-1)}`;
    throw new Error(`mounting a tmpfs for the disk-full test failed: ${text}`, { cause: error });
  } finally {
    await rm(probe, { recursive: true, force: true });
  }
}
const refusal = await mountRefusal();
if (refusal) console.warn(`recording-disk-full: skipped — ${refusal}`);

let db: Pool;
let redis: Redis;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let detectors: DetectorPool;
let ctx: CameraRunnerContext;
let root: string;
let volume: string;
let mounted = false;
let recording: RecordingConfig;
let camera: StreamCamera;
let runner: CameraRunner | null = null;
let sync: NodeJS.Timeout | null = null;
let cleaner: { stop: () => Promise<void> } | null = null;
let startedAt = 0;
let oldFree: IndexedSegment[] = [];
let held: IndexedSegment;
const logs: string[] = [];
const starts: number[] = [];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
const figures: string[] = [];

interface SegmentRow {
  id: number;
  started: number;
  ended: number;
  bytes: number;
  path: string;
  sha256: string;
  interrupted: boolean;
}
interface GapRow {
  id: number;
  started: number;
  ended: number | null;
  reason: string;
  detail: string | null;
}

const segments = async (): Promise<SegmentRow[]> =>
  (
    await db.query<SegmentRow>(
      `SELECT id, (extract(epoch FROM started_at) * 1000)::float8 AS started,
              (extract(epoch FROM ended_at) * 1000)::float8 AS ended, bytes::float8 AS bytes, path, sha256, interrupted
         FROM recording_segments WHERE camera_id = $1 ORDER BY started_at`,
      [camera.id],
    )
  ).rows;
const gaps = async (): Promise<GapRow[]> =>
  (
    await db.query<GapRow>(
      `SELECT id, (extract(epoch FROM started_at) * 1000)::float8 AS started,
              (extract(epoch FROM ended_at) * 1000)::float8 AS ended, reason, detail
         FROM recording_gaps WHERE camera_id = $1 ORDER BY started_at, id`,
      [camera.id],
    )
  ).rows;
const vehicleCounts = async (): Promise<{ started: number; ended: number }[]> =>
  (
    await db.query<{ started: number; ended: number }>(
      `SELECT (extract(epoch FROM started_at) * 1000)::float8 AS started, (extract(epoch FROM ended_at) * 1000)::float8 AS ended
         FROM events WHERE camera_id = $1 AND type = 'traffic.vehicles' ORDER BY started_at`,
      [camera.id],
    )
  ).rows;
const alarms = async (type: string) =>
  (
    await db.query<{ ended_at: Date | null; occurrences: number; payload: Record<string, unknown> }>(
      'SELECT ended_at, occurrences, payload FROM events WHERE type = $1 ORDER BY id',
      [type],
    )
  ).rows;
const freeBytes = async () => {
  const { bavail, bsize } = await statfs(volume);
  return bavail * bsize;
};
const recorderState = async () => (await findCamera(db, camera.id))?.health?.recording ?? null;
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end)
      throw new Error(`${what} not reached within ${timeoutMs} ms; log: ${logs.slice(-6).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Fills the volume with a file that is not footage (another process writing there) until `room` bytes are left. */
async function fillUntil(name: string, room: number): Promise<number> {
  const bytes = Math.max(0, (await freeBytes()) - room);
  await writeFile(path.join(volume, name), Buffer.alloc(bytes, 1));
  return bytes;
}

/** Frames a decoder gets out of the file (a fragment cut short holds fewer than its boxes list). */
async function decodedFrames(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'quiet', '-count_frames', '-select_streams', 'v:0'],
    ...['-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file],
  ]);
  return Number(stdout.trim()) || 0;
}

const sha256Of = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

beforeAll(async () => {
  if (refusal) return;
  process.on('unhandledRejection', onRejection);
  root = await mkdtemp(path.join(tmpdir(), 'toc-disk-full-'));
  volume = path.join(root, 'recordings');
  await mkdir(volume);
  await run('mount', ['-t', 'tmpfs', '-o', `size=${VOLUME_MB}m`, 'tmpfs', volume]);
  mounted = true;
  await writeFile(path.join(volume, RECORDINGS_MARKER), '');

  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 6);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  // Nothing here plays the disk: statfs of the tmpfs is the free space. The quota is the volume (its 5 % margin is
  // what the cleaner frees beyond the floor).
  recording = loadRecordingConfig({
    RECORDINGS_DIR: volume,
    RECORDING_SEGMENT_S: String(SEGMENT_S),
    RECORDING_MIN_DAYS: '1',
    RECORDING_MAX_DAYS: '30',
    RECORDINGS_QUOTA_GB: String((VOLUME_MB * MB) / GIB),
    RECORDINGS_FREE_FLOOR_GB: String(FLOOR_BYTES / GIB),
    RECORDING_CLEAN_INTERVAL_S: '1',
  });
  const config = {
    ...loadWorkerConfig(),
    vehicleIntervalS: INTERVAL_S,
    healthIntervalS: 1,
    retryInitialS: 1,
    retryMaxS: 2,
    snapshotDir: path.join(root, 'snapshots'),
    recording,
  };
  detectors = new DetectorPool({ modelsDir: config.modelsDir, threads: 1 });
  const announcer = { redis, channels: channelNames(schema.schema) };
  const events = createEventStore(db, announcer);
  ctx = {
    config,
    db,
    detectors,
    notifier: { db, config: { ...config.notify, publicUrl: config.publicUrl }, log: () => undefined },
    events,
    reportStatus: async (report) => {
      if (report.status === 'starting') starts.push(Date.now());
      await reportCameraStatus({ db, ...announcer }, report);
    },
    log: (level, message, detail) => logs.push(`${level} ${message} ${JSON.stringify(detail ?? {})}`),
  };
  camera = await insertStreamCamera(db, {
    name: 'Disk full',
    nameTh: 'ดิสก์เต็ม',
    location: { lon: 101.0536, lat: 13.7072 },
    headingDeg: 80,
    fovDeg: 60,
    rtspUrl: `${requireEnv('RTSP_BASE')}/${STREAM}`,
    detectFps: 5,
  });
  await upsertCameraRecording(db, camera.id, { enabled: true, minDays: 1, maxDays: 30, priority: 50 });

  // Footage from three days ago (past its one min day, so the cleaner may take it) and one segment under a hold.
  const clips = await recordStreetClip(path.join(root, 'clips'), 12, 4, { bitrate: '2M' });
  const threeDaysAgo = Date.now() - 3 * DAY;
  oldFree = [
    await indexRecordedSegment(db, volume, camera.id, clips[0]!, threeDaysAgo, { copy: true }),
    await indexRecordedSegment(db, volume, camera.id, clips[1]!, threeDaysAgo + 4_000, { copy: true }),
  ];
  held = await indexRecordedSegment(db, volume, camera.id, clips[2]!, threeDaysAgo - DAY, { copy: true });
  const adminId = await upsertUser(db, {
    username: 'admin',
    displayName: 'Admin',
    role: 'admin',
    passwordHash: 'x',
  });
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    await insertEvidenceHold(
      client,
      {
        cameraId: camera.id,
        from: new Date(held.startedAt - 1_000).toISOString(),
        to: new Date(held.endedAt + 1_000).toISOString(),
        reason: 'case 17/2569',
      },
      adminId,
    );
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}, 60_000);

afterAll(async () => {
  if (sync) clearInterval(sync);
  await cleaner?.stop();
  await runner?.stop();
  await detectors?.close();
  await db?.end();
  redis?.disconnect();
  await schema?.drop();
  process.off('unhandledRejection', onRejection);
  if (mounted) await run('umount', [volume]);
  if (root) await rm(root, { recursive: true, force: true });
  if (figures.length) console.log(`disk full: ${figures.join('; ')}`);
});

describe.skipIf(refusal !== null)('recordings volume really full (ENOSPC)', () => {
  let fullAt = 0;
  let firstGap: GapRow;

  it('stops recording with a storage_full gap and its alarm; the camera keeps analysing, no tight retry loop', async () => {
    const filler = await fillUntil('not-footage-1.bin', ROOM_AT_START);
    startedAt = Date.now();
    runner = new CameraRunner(camera, ctx);
    // The worker's camera sync (RECONCILE_INTERVAL_S) is what hands the runner a pause or the volume coming back.
    sync = setInterval(() => void runner?.reloadScene().catch(() => undefined), 1_000);

    firstGap = await waitFor(
      'the footage stopped by the full volume',
      async () => (await gaps()).find((g) => g.ended === null),
      60_000,
    );
    fullAt = Date.now();
    figures.push(
      `volume ${VOLUME_MB} MB (${(filler / MB).toFixed(1)} MB not footage) full after ${seconds(fullAt - startedAt)} s`,
    );
    expect(await freeBytes()).toBeLessThan(64 * 1024);
    expect(firstGap.reason).toBe('storage_full');
    const alarm = await waitFor(
      'the recording.gap alarm',
      async () => (await alarms('recording.gap')).find((a) => a.payload.reason === 'storage_full'),
      5_000,
    );
    figures.push(
      `gap ${firstGap.reason} from ${new Date(firstGap.started).toISOString()}, alarm "${alarm.payload.reasonText}"`,
    );

    // Full, and no cleaner pass yet (it runs every RECORDING_CLEAN_INTERVAL_S, 60 s by default): analysis goes on at
    // its pace, on one stream (no reconnect loop).
    const startsBefore = starts.length;
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const counts = await vehicleCounts();
    const before = counts.filter((c) => c.started >= fullAt - WINDOW_MS && c.started < fullAt).length;
    const during = counts.filter((c) => c.started >= fullAt).length;
    figures.push(
      `vehicle counts ${before} in the ${WINDOW_MS / 1000} s before, ${during} in the ${WINDOW_MS / 1000} s full (${starts.length - startsBefore} stream restarts)`,
    );
    // One restart's worth fewer at most: ffmpeg went down with the volume and the stream was opened again at once.
    expect(during).toBeGreaterThanOrEqual(Math.max(2, before - 2));
    expect(starts.length - startsBefore).toBe(0);
    expect((await findCamera(db, camera.id))?.status).toBe('online');
    expect(await recorderState()).toMatchObject({ state: 'error', reason: expect.stringMatching(/full/i) });
  }, 90_000);

  it('has the cleaner free the oldest unprotected footage (never the held), and recording resumes', async () => {
    const before = await segments();
    cleaner = startCleaner(
      {
        db,
        redis,
        events: ctx.events,
        config: recording,
        leaseKey: `${schema.schema}:recording-cleaner`,
        log: (level, message, detail) =>
          logs.push(`${level} cleaner ${message} ${JSON.stringify(detail ?? {})}`),
      },
      recording.cleanIntervalS,
    );
    const cleanerAt = Date.now();
    const after = await waitFor(
      'the old unprotected footage deleted',
      async () => {
        const rows = await segments();
        return oldFree.every((o) => !rows.some((r) => r.id === o.id)) ? rows : null;
      },
      10_000,
    );
    for (const old of oldFree) expect(existsSync(old.file)).toBe(false);
    // Only those: the held segment and the young footage (within its min day) are all still there.
    const gone = before.filter((b) => !after.some((a) => a.id === b.id)).map((b) => b.id);
    expect(gone.sort()).toEqual(oldFree.map((o) => o.id).sort());
    expect(await sha256Of(held.file)).toBe(held.sha256);
    const freed = oldFree.reduce((sum, o) => sum + o.bytes, 0);

    const resumed = await waitFor(
      'a new segment after the gap',
      async () => (await segments()).find((s) => s.started >= firstGap.started),
      30_000,
    );
    // The gap runs from the last footage before the volume filled to the first after: no overlap, no hole.
    const closed = await waitFor(
      'the gap ended',
      async () => (await gaps()).find((g) => g.id === firstGap.id && g.ended !== null),
      5_000,
    );
    expect(closed.ended).toBe(resumed.started);
    figures.push(
      `cleaner freed ${(freed / MB).toFixed(1)} MB (${oldFree.length} old segments, the held one kept), recording resumed ${seconds(Date.now() - cleanerAt)} s after its first pass`,
    );
  }, 60_000);

  it('full again with only protected footage: pauses the camera (analysis goes on), resumes once space is back', async () => {
    const beforeRefill = await segments();
    await fillUntil('not-footage-2.bin', 0);
    const refilledAt = Date.now();
    await waitFor(
      'the camera paused for storage',
      async () => {
        const state = await recorderState();
        return state?.state === 'paused' ? state : null;
      },
      30_000,
    );
    const pausedAt = Date.now();
    const [paused] = await alarms('recording.paused');
    expect(paused).toMatchObject({
      ended_at: null,
      payload: expect.objectContaining({ cameraIds: [camera.id] }),
    });
    const storage = (await alarms('recording.storage')).find((a) => a.payload.condition === 'full');
    expect(storage).toBeTruthy();
    // Nothing protected went: the held segment and every young segment (within its min day) are still there.
    const rows = await segments();
    expect(beforeRefill.filter((b) => !rows.some((r) => r.id === b.id))).toEqual([]);
    expect(rows.some((r) => r.id === held.id)).toBe(true);
    await new Promise((r) => setTimeout(r, WINDOW_MS));
    const whilePaused = (await vehicleCounts()).filter((c) => c.started >= pausedAt);
    expect(whilePaused.length).toBeGreaterThanOrEqual(2);
    figures.push(
      `filled again: camera paused ${seconds(pausedAt - refilledAt)} s later, ${whilePaused.length} vehicle counts in the ${WINDOW_MS / 1000} s after`,
    );

    // Space is back (the other process's files go): the cleaner resumes the camera and recording starts again.
    await rm(path.join(volume, 'not-footage-1.bin'));
    await rm(path.join(volume, 'not-footage-2.bin'));
    const backAt = Date.now();
    const last = rows.at(-1)!;
    const resumed = await waitFor(
      'recording after the pause',
      async () => (await segments()).find((s) => s.id > last.id),
      30_000,
    );
    expect((await alarms('recording.paused'))[0]!.ended_at).not.toBeNull();
    figures.push(`space back: recording resumed after ${seconds(Date.now() - backAt)} s`);
    const open = (await gaps()).filter((g) => g.ended === null);
    expect(open).toEqual([]);
    expect(resumed.started).toBeGreaterThan(backAt - 10_000);
  }, 90_000);

  it('kept the index truthful and the analysis going throughout, with no unhandled rejection', async () => {
    await runner!.stop();
    runner = null;
    const rows = await segments();
    for (const row of rows) {
      const file = path.join(volume, row.path);
      expect(existsSync(file), row.path).toBe(true);
      expect(await sha256Of(file), row.path).toBe(row.sha256);
    }
    // The last segment before each storage_full gap: indexed for no more than its frames can show (the muxer lists a
    // segment cut mid-fragment with its full span; its fragment boxes even claim it, so ffprobe's duration would too).
    const fullGaps = (await gaps()).filter((g) => g.reason === 'storage_full');
    expect(fullGaps.length).toBeGreaterThanOrEqual(2);
    for (const gap of fullGaps) {
      const last = rows.find((r) => r.ended === gap.started)!;
      expect(last, `footage up to the gap at ${new Date(gap.started).toISOString()}`).toBeTruthy();
      const shown = (await decodedFrames(path.join(volume, last.path))) / FPS;
      const claimed = (last.ended - last.started) / 1000;
      figures.push(
        `last segment before the gap: ${claimed.toFixed(2)} s indexed${last.interrupted ? ' (interrupted)' : ''}, ${shown.toFixed(2)} s of frames`,
      );
      expect(shown).toBeGreaterThanOrEqual(claimed - 1 / FPS);
    }
    expect(await readdir(incomingDir(volume, camera.id))).toEqual([]);
    const counts = await vehicleCounts();
    const holes = counts.slice(1).map((c, i) => c.started - counts[i]!.ended);
    figures.push(
      `vehicle counts kept coming: ${counts.length}, longest hole ${seconds(Math.max(...holes))} s`,
    );
    // Restarts on purpose (pause, resume) only: the camera never went down with the volume.
    expect(Math.max(...holes)).toBeLessThan(6_000);
    expect(logs.filter((line) => line.includes('camera down'))).toEqual([]);
    expect(rejections).toEqual([]);
  }, 30_000);
});
