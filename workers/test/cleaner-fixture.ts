// The cleaner tests' recordings folder on a pretend disk, three cameras, and the helpers to fill and inspect them.
import { beforeEach } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '@toc/server/app';
import { RECORDINGS_MARKER, type RecordingConfig } from '@toc/server/recording-config';
import { upsertCameraRecording } from '@toc/server/repositories/camera-recording.repository';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { createEventStore } from '@toc/server/services/event-store.service';
import type { Event } from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import type { CleanerContext } from '../src/record/cleaner';
import { useFileFixture } from '@toc/server/testing/file-fixture';

export const DAY = 86_400_000;
export const SEGMENT = 1000;

export interface AlarmRow {
  id: number;
  ended_at: Date | null;
  occurrences: number;
  severity: string;
  payload: Record<string, unknown>;
}

export interface CleanerFixture {
  app: FastifyInstance;
  schema: Awaited<ReturnType<typeof createTestSchema>>;
  redis: Redis;
  root: string;
  /** The recordings folder (inside `root`). */
  dir: string;
  adminId: number;
  /** 'low' and 'high' record (priorities 10 and 80 after `reset`); 'off' is disabled and has no settings. */
  cameras: { low: number; high: number; off: number };
  /** The pretend disk the recordings folder is on. */
  diskBytes: number;
  /** What the cleaner logged since `reset`. */
  logged: { level: string; message: string; detail?: Record<string, unknown> }[];
  /**
   * Before each test: no segments, holds, settings or alarms; an empty marked folder on a 1 GB disk; both recording
   * cameras' settings (min 2 days, max 30).
   */
  reset: () => Promise<void>;
  /** A cleaner on the folder, the pretend disk and the log, with a 100 MB quota unless overridden. */
  context: (overrides?: Partial<RecordingConfig>) => CleanerContext;
  /** A closed segment of `cameraId` that started `ageDays` ago: its file (SEGMENT bytes) and its index row. */
  segment: (cameraId: number, ageDays: number, options?: { file?: boolean }) => Promise<string>;
  /** The indexed segments' paths, oldest first. */
  indexed: () => Promise<string[]>;
  onDisk: (relative: string) => boolean;
  /** A hold on `cameraId` from `fromDays` to `toDays` ago. */
  hold: (
    cameraId: number,
    fromDays: number,
    toDays: number,
    fields?: { expiresAt?: Date; released?: boolean },
  ) => Promise<number>;
  /** The alarms of the type, oldest first. */
  alarms: (type: Event['type']) => Promise<AlarmRow[]>;
  /** The cameras paused, with their reasons. */
  paused: () => Promise<{ camera_id: number; paused_reason: string }[]>;
  close: () => Promise<void>;
}

async function filesBytes(folder: string): Promise<number> {
  let sum = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) sum += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return sum;
}

/** A server on a fresh schema (for its pool, config and channels), Redis, a temporary folder, an admin and the cameras. */
export async function startCleanerFixture(): Promise<CleanerFixture> {
  let schema: CleanerFixture['schema'] | undefined;
  let app: FastifyInstance | undefined;
  let redis: Redis | undefined;
  let root: string | undefined;
  const close = async () => {
    await redis?.quit();
    await app?.close();
    await schema?.drop();
    if (root) await rm(root, { recursive: true, force: true });
  };
  try {
    schema = await createTestSchema();
    const server = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
    app = server;
    await server.ready();
    const client = new Redis(requireEnv('REDIS_URL'));
    redis = client;
    root = await mkdtemp(path.join(tmpdir(), 'toc-cleaner-'));
    const dir = path.join(root, 'recordings');
    const adminId = await upsertUser(server.db, {
      username: 'admin',
      displayName: 'admin',
      role: 'admin',
      passwordHash: 'x',
    });
    const camera = async (name: string, enabled = true) =>
      (
        await server.db.query<{ id: number }>(
          `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled)
           VALUES ($1, $2, ST_SetSRID(ST_MakePoint(101.07, 13.69), 4326), 90, 60, 'rtsp://127.0.0.1:9/c', $3) RETURNING id`,
          [name, `กล้อง ${name}`, enabled],
        )
      ).rows[0]!.id;
    const cameras = { low: await camera('Low'), high: await camera('High'), off: await camera('Off', false) };

    const recording = (overrides: Partial<RecordingConfig> = {}): RecordingConfig => ({
      ...server.config.recording,
      dir,
      defaultMinDays: 2,
      defaultMaxDays: 30,
      quotaBytes: 1e8,
      freeFloorBytes: 1000,
      lowStorageHours: 24,
      ...overrides,
    });
    let segmentNo = 0;

    const fixture: CleanerFixture = {
      app: server,
      schema,
      redis: client,
      root,
      dir,
      adminId,
      cameras,
      diskBytes: 1e9,
      logged: [],
      reset: async () => {
        for (const table of [
          'recording_segments',
          'evidence_holds',
          'camera_recording',
          'event_updates',
          'events',
        ])
          await server.db.query(`DELETE FROM ${table}`);
        await rm(dir, { recursive: true, force: true });
        await mkdir(dir, { recursive: true });
        await writeFile(path.join(dir, RECORDINGS_MARKER), '');
        fixture.diskBytes = 1e9;
        fixture.logged.length = 0;
        // Priorities: 'low' stops recording first.
        await upsertCameraRecording(server.db, cameras.low, {
          enabled: true,
          minDays: 2,
          maxDays: 30,
          priority: 10,
        });
        await upsertCameraRecording(server.db, cameras.high, {
          enabled: true,
          minDays: 2,
          maxDays: 30,
          priority: 80,
        });
      },
      context: (overrides = {}) => ({
        db: server.db,
        events: createEventStore(server.db, { redis: client, channels: server.channels }),
        config: recording(overrides),
        // The pretend disk: its size less what the recordings folder holds, so deleting files frees space.
        statfs: async (folder) => ({
          bsize: 1,
          bavail: Math.max(0, fixture.diskBytes - (await filesBytes(folder))),
        }),
        log: (level, message, detail) => fixture.logged.push({ level, message, detail }),
      }),
      segment: async (cameraId, ageDays, options = {}) => {
        const started = new Date(Date.now() - ageDays * DAY);
        const ended = new Date(started.getTime() + 10_000);
        const relative = `${cameraId}/${started.toISOString().slice(0, 10)}/${started.toISOString().replace(/[-:.]/g, '')}-${++segmentNo}.mp4`;
        if (options.file !== false) {
          await mkdir(path.join(dir, path.dirname(relative)), { recursive: true });
          await writeFile(path.join(dir, relative), Buffer.alloc(SEGMENT, 7));
        }
        await server.db.query(
          `INSERT INTO recording_segments (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height, init_bytes,
                                           worker_id, clock_source)
           VALUES ($1, $2, $3, $4, $5, $6, 'h264', 1280, 720, 800, 'w1', 'ntp')`,
          [cameraId, started, ended, SEGMENT, relative, 'b'.repeat(64)],
        );
        return relative;
      },
      indexed: async () =>
        (
          await server.db.query<{ path: string }>('SELECT path FROM recording_segments ORDER BY started_at')
        ).rows.map((r) => r.path),
      onDisk: (relative) => existsSync(path.join(dir, relative)),
      hold: async (cameraId, fromDays, toDays, fields = {}) => {
        const { rows } = await server.db.query<{ id: number }>(
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
      },
      alarms: async (type) =>
        (
          await server.db.query<AlarmRow>(
            'SELECT id, ended_at, occurrences, severity, payload FROM events WHERE type = $1 ORDER BY id',
            [type],
          )
        ).rows,
      paused: async () =>
        (
          await server.db.query<{ camera_id: number; paused_reason: string }>(
            'SELECT camera_id, paused_reason FROM camera_recording WHERE paused_at IS NOT NULL ORDER BY camera_id',
          )
        ).rows,
      close,
    };
    return fixture;
  } catch (error) {
    await close();
    throw error;
  }
}

/** The fixture for the calling test file, reset before each test (see file-fixture.ts). */
export function useCleanerFixture(): CleanerFixture {
  const fixture = useFileFixture(startCleanerFixture);
  beforeEach(() => fixture.reset());
  return fixture;
}
