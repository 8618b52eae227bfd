// The disk-full test's small tmpfs recordings volume and the camera recording onto it, with old and held footage.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
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
import type { RecordingWorkerHealth } from '@toc/server/schemas';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { useFileFixture } from '@toc/server/testing/file-fixture';
import { loadWorkerConfig } from '../src/config';
import { DetectorPool } from '../src/detect/detector-pool';
import type { CameraRunner, CameraRunnerContext } from '../src/camera/camera-runner';
import {
  alarmRows,
  gapRows,
  segmentRows,
  vehicleCountSpans,
  type AlarmRow,
  type GapRow,
  type SegmentRow,
} from './disk-full-probes';
import { indexRecordedSegment, recordStreetClip, type IndexedSegment } from './recorded-footage';
import { insertStreamCamera } from './stream-cameras';

const run = promisify(execFile);
export const MB = 1024 * 1024;
const GIB = 1024 ** 3;
const DAY = 86_400_000;
/** The volume: most of it taken by files that are not footage (another process writing there). */
export const VOLUME_MB = 24;
/** Room left for the camera at the start: full in ≈12 s at its ≈0.65 Mbit/s (640×360). */
export const ROOM_AT_START = 1.1 * MB;
/** The free-space floor: a deployment's 5 GB in miniature (the recorder's own "full" mark is 1 MiB too). */
const FLOOR_BYTES = MB;
export const WINDOW_MS = 5_000;
const SEGMENT_S = 2;
const INTERVAL_S = 1;
const STREAM = 'odc_street_traffic_640x360_30fps';
export const FPS = 30;

/** Mounting needs root (CAP_SYS_ADMIN): `npm test` also runs unprivileged (services.sh supports it), so probe first. */
export async function mountRefusal(): Promise<string | null> {
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

export interface DiskFullFixture {
  db: Pool;
  redis: Redis;
  schema: Awaited<ReturnType<typeof createTestSchema>>;
  /** The camera runner's context: worker config on the volume, detectors, the event store, status reports, the log. */
  ctx: CameraRunnerContext;
  /** The mounted tmpfs, marked as the recordings volume. */
  volume: string;
  recording: RecordingConfig;
  camera: StreamCamera;
  /** Footage from three days ago (past its one min day, so the cleaner may take it). */
  oldFree: IndexedSegment[];
  /** A segment from four days ago under an evidence hold. */
  held: IndexedSegment;
  /** What the runner (and the cleaner) logged. */
  logs: string[];
  /** When the camera reported 'starting' (each stream start). */
  starts: number[];
  /** Every unhandled rejection while the fixture was up. */
  rejections: unknown[];
  /** Figures printed on close. */
  figures: string[];
  /** What the tests start, stopped on close. */
  runner: CameraRunner | null;
  sync: NodeJS.Timeout | null;
  cleaner: { stop: () => Promise<void> } | null;
  segments: () => Promise<SegmentRow[]>;
  gaps: () => Promise<GapRow[]>;
  vehicleCounts: () => Promise<{ started: number; ended: number }[]>;
  alarms: (type: string) => Promise<AlarmRow[]>;
  freeBytes: () => Promise<number>;
  /** The recorder's state in the camera's health report. */
  recorderState: () => Promise<RecordingWorkerHealth | null>;
  /** The probe's value once it has one; fails after `timeoutMs` with the last lines logged. */
  waitFor: <T>(
    what: string,
    probe: () => Promise<T | null | undefined | false>,
    timeoutMs: number,
  ) => Promise<T>;
  /** Fills the volume with a file that is not footage (another process writing there) until `room` bytes are left. */
  fillUntil: (name: string, room: number) => Promise<number>;
  close: () => Promise<void>;
}

/**
 * A 24 MB tmpfs mounted as the recordings volume, a migrated schema, Redis, a detector pool and a camera streaming the
 * street clip from the RTSP simulator (recording on, min 1 day), with two old segments and one held on the volume.
 */
export async function startDiskFullFixture(): Promise<DiskFullFixture> {
  const logs: string[] = [];
  const starts: number[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const figures: string[] = [];
  let root: string | undefined;
  let volume = '';
  let mounted = false;
  let schema: DiskFullFixture['schema'] | undefined;
  let db: Pool | undefined;
  let redis: Redis | undefined;
  let detectors: DetectorPool | undefined;
  let fixture: DiskFullFixture | undefined;
  const close = async () => {
    if (fixture?.sync) clearInterval(fixture.sync);
    await fixture?.cleaner?.stop();
    await fixture?.runner?.stop();
    await detectors?.close();
    await db?.end();
    redis?.disconnect();
    await schema?.drop();
    process.off('unhandledRejection', onRejection);
    if (mounted) await run('umount', [volume]);
    if (root) await rm(root, { recursive: true, force: true });
    if (figures.length) console.log(`disk full: ${figures.join('; ')}`);
  };
  process.on('unhandledRejection', onRejection);
  try {
    root = await mkdtemp(path.join(tmpdir(), 'toc-disk-full-'));
    volume = path.join(root, 'recordings');
    await mkdir(volume);
    await run('mount', ['-t', 'tmpfs', '-o', `size=${VOLUME_MB}m`, 'tmpfs', volume]);
    mounted = true;
    await writeFile(path.join(volume, RECORDINGS_MARKER), '');

    schema = await createTestSchema();
    const pool = createPool(schema.databaseUrl, 6);
    db = pool;
    await applyMigrations(pool);
    const client = new Redis(requireEnv('REDIS_URL'));
    redis = client;
    // Nothing here plays the disk: statfs of the tmpfs is the free space. The quota is the volume (its 5 % margin is
    // what the cleaner frees beyond the floor).
    const recording = loadRecordingConfig({
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
    const announcer = { redis: client, channels: channelNames(schema.schema) };
    const events = createEventStore(pool, announcer);
    const ctx: CameraRunnerContext = {
      config,
      db: pool,
      detectors,
      notifier: { db: pool, config: { ...config.notify, publicUrl: config.publicUrl }, log: () => undefined },
      events,
      reportStatus: async (report) => {
        if (report.status === 'starting') starts.push(Date.now());
        await reportCameraStatus({ db: pool, ...announcer }, report);
      },
      log: (level, message, detail) => logs.push(`${level} ${message} ${JSON.stringify(detail ?? {})}`),
    };
    const camera = await insertStreamCamera(pool, {
      name: 'Disk full',
      nameTh: 'ดิสก์เต็ม',
      location: { lon: 101.0536, lat: 13.7072 },
      headingDeg: 80,
      fovDeg: 60,
      rtspUrl: `${requireEnv('RTSP_BASE')}/${STREAM}`,
      detectFps: 5,
    });
    await upsertCameraRecording(pool, camera.id, { enabled: true, minDays: 1, maxDays: 30, priority: 50 });

    // Footage from three days ago (past its one min day, so the cleaner may take it) and one segment under a hold.
    const clips = await recordStreetClip(path.join(root, 'clips'), 12, 4, { bitrate: '2M' });
    const threeDaysAgo = Date.now() - 3 * DAY;
    const oldFree = [
      await indexRecordedSegment(pool, volume, camera.id, clips[0]!, threeDaysAgo, { copy: true }),
      await indexRecordedSegment(pool, volume, camera.id, clips[1]!, threeDaysAgo + 4_000, { copy: true }),
    ];
    const held = await indexRecordedSegment(pool, volume, camera.id, clips[2]!, threeDaysAgo - DAY, {
      copy: true,
    });
    const adminId = await upsertUser(pool, {
      username: 'admin',
      displayName: 'Admin',
      role: 'admin',
      passwordHash: 'x',
    });
    const connection = await pool.connect();
    try {
      await connection.query('BEGIN');
      await insertEvidenceHold(
        connection,
        {
          cameraId: camera.id,
          from: new Date(held.startedAt - 1_000).toISOString(),
          to: new Date(held.endedAt + 1_000).toISOString(),
          reason: 'case 17/2569',
        },
        adminId,
      );
      await connection.query('COMMIT');
    } finally {
      connection.release();
    }

    const freeBytes = async () => {
      const { bavail, bsize } = await statfs(volume);
      return bavail * bsize;
    };
    fixture = {
      db: pool,
      redis: client,
      schema,
      ctx,
      volume,
      recording,
      camera,
      oldFree,
      held,
      logs,
      starts,
      rejections,
      figures,
      runner: null,
      sync: null,
      cleaner: null,
      segments: () => segmentRows(pool, camera.id),
      gaps: () => gapRows(pool, camera.id),
      vehicleCounts: () => vehicleCountSpans(pool, camera.id),
      alarms: (type) => alarmRows(pool, type),
      freeBytes,
      recorderState: async () => (await findCamera(pool, camera.id))?.health?.recording ?? null,
      waitFor: async (what, probe, timeoutMs) => {
        const end = Date.now() + timeoutMs;
        for (;;) {
          const value = await probe();
          if (value) return value;
          if (Date.now() > end)
            throw new Error(`${what} not reached within ${timeoutMs} ms; log: ${logs.slice(-6).join(' | ')}`);
          await new Promise((r) => setTimeout(r, 200));
        }
      },
      fillUntil: async (name, room) => {
        const bytes = Math.max(0, (await freeBytes()) - room);
        await writeFile(path.join(volume, name), Buffer.alloc(bytes, 1));
        return bytes;
      },
      close,
    };
    return fixture;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The fixture for the calling test file (see file-fixture.ts); none where the volume cannot be mounted (tests skip). */
export function useDiskFullFixture(refusal: string | null): DiskFullFixture {
  return refusal ? ({} as DiskFullFixture) : useFileFixture(startDiskFullFixture, 60_000);
}
