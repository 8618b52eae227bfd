// Retention of the recordings volume, one pass at a time: deletes footage past its camera's max days, then the oldest
// unprotected footage while the volume is over its quota or under its free floor; when only held or minimum-retention
// footage is left it pauses the lowest-priority cameras instead. Raises the volume, storage and pause alarms.
// Reads the index, never guesses from files: rows go first (committed), then their files.
import { rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { RecordingConfig } from '@toc/server/recording-config';
import type { EventStore } from '@toc/server/services/event-store.service';
import { resolveInside } from '@toc/server/lib/atomic-file';
import {
  defaultStatfs,
  recordingsVolumeState,
  volumeFreeBytes,
  type StatFs,
} from '@toc/server/lib/recordings-volume';
import {
  headroomBytes,
  hoursLeft,
  type ProtectedFootage,
  type SpaceFigures,
} from '@toc/server/lib/storage-forecast';
import {
  deleteExpiredSegments,
  deleteSegmentsForSpace,
  recordingTotals,
  type DeletedSegment,
  type RetentionDefaults,
} from '@toc/server/repositories/retention.repository';
import {
  clearRecordingPauses,
  listPausedCameras,
  nextCameraToPause,
  setRecordingPause,
  type RecordingCamera,
} from '@toc/server/repositories/camera-recording.repository';
import { conditionCleared, conditionHolds } from '../outputs/condition-alarm';
import { pausedAlarm, storageAlarm, volumeAlarm } from '../outputs/storage-alarms';
import { recordingsFoldKey } from '../outputs/fold-keys';
import { startLeasedLoop } from '../lib/leased-loop';

type Log = (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;

export interface CleanerContext {
  db: pg.Pool;
  events: EventStore;
  config: RecordingConfig;
  /** Free space of the volume; fs.statfs unless a test gives another figure. */
  statfs?: StatFs;
  /** The wall clock (ms). */
  now?: () => number;
  log: Log;
}

export interface CleanReport {
  available: boolean;
  deletedByAge: number;
  deletedForSpace: number;
  freedBytes: number;
  /** Cameras paused, and resumed, by this pass. */
  paused: number[];
  resumed: number[];
  hoursLeft: number | null;
}

/** Segments deleted per statement: a backlog of weeks goes in several short transactions, not one long one. */
const BATCH = 2000;

/**
 * Under space pressure the cleaner frees down to this fraction of the quota below it (and as far above the floor), so
 * it does not delete a sliver every pass, and paused cameras resume only with room to spare.
 */
export const SPACE_MARGIN_FRACTION = 0.05;

/** The pause reason the cleaner writes (as a recording gap's reason would say it). */
export const STORAGE_FULL = 'storage_full';

/** Date directories this close to today may be where the recorder writes next: never removed, even when empty. */
const RECENT_DIR_MS = 2 * 86_400_000;

interface Space extends SpaceFigures {
  writeBytesPerHour: number;
  protectedFootage: ProtectedFootage;
}

const isShort = (s: Space) => s.usedBytes > s.quotaBytes || s.freeBytes < s.freeFloorBytes;
const hasRoom = (s: Space, margin: number) =>
  s.usedBytes <= s.quotaBytes - margin && s.freeBytes >= s.freeFloorBytes + margin;
/** Bytes to delete to get the margin back below the quota and above the floor. */
const bytesToFree = (s: Space, margin: number) => Math.max(0, margin - headroomBytes(s));
const sumBytes = (segments: readonly DeletedSegment[]) => segments.reduce((sum, s) => sum + s.bytes, 0);

async function readSpace(ctx: CleanerContext, dir: string, now: Date): Promise<Space> {
  const [totals, freeBytes] = await Promise.all([
    recordingTotals(ctx.db, now, ctx.config.defaultMinDays),
    volumeFreeBytes(ctx.statfs ?? defaultStatfs, dir),
  ]);
  return {
    quotaBytes: ctx.config.quotaBytes,
    usedBytes: totals.usedBytes,
    freeBytes,
    freeFloorBytes: ctx.config.freeFloorBytes,
    writeBytesPerHour: totals.writeBytesPerHour,
    protectedFootage: totals.protectedFootage,
  };
}

/** Unlinks the files of deleted rows; notes each date directory touched. A file already gone is logged, not an error. */
async function removeFiles(
  ctx: CleanerContext,
  dir: string,
  segments: readonly DeletedSegment[],
  touched: Set<string>,
): Promise<void> {
  for (const segment of segments) {
    let file: string;
    try {
      file = resolveInside(dir, segment.path);
    } catch (error) {
      ctx.log('error', 'segment path outside the recordings volume: file left alone', {
        segmentId: segment.id,
        error: (error as Error).message,
      });
      continue;
    }
    try {
      await unlink(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      ctx.log(code === 'ENOENT' ? 'warn' : 'error', 'segment file not removed', {
        segmentId: segment.id,
        path: segment.path,
        code,
      });
    }
    touched.add(path.dirname(file));
  }
}

/** Removes the emptied `<camera>/<UTC date>` directories, except recent ones the recorder may write into next. */
async function removeEmptyDateDirs(
  ctx: CleanerContext,
  dir: string,
  touched: Iterable<string>,
  now: Date,
): Promise<void> {
  for (const dateDir of touched) {
    const parts = path.relative(dir, dateDir).split(path.sep);
    const day = Date.parse(`${parts[1]}T00:00:00Z`);
    if (
      parts.length !== 2 ||
      parts.includes('..') ||
      Number.isNaN(day) ||
      Math.abs(now.getTime() - day) < RECENT_DIR_MS
    )
      continue;
    await rmdir(dateDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') {
        ctx.log('warn', 'empty date directory not removed', {
          dir: path.relative(dir, dateDir),
          code: error.code,
        });
      }
    });
  }
}

/** Deletes with `next` batch after batch (rows committed, then files) until a batch is empty or `enough` says stop. */
async function drain(
  ctx: CleanerContext,
  dir: string,
  touched: Set<string>,
  next: (freedSoFar: number) => Promise<DeletedSegment[]>,
  enough: (freed: number) => boolean = () => false,
): Promise<{ count: number; bytes: number }> {
  const total = { count: 0, bytes: 0 };
  for (;;) {
    const batch = await next(total.bytes);
    await removeFiles(ctx, dir, batch, touched);
    total.count += batch.length;
    total.bytes += sumBytes(batch);
    if (batch.length === 0 || enough(total.bytes)) return total;
  }
}

/** Pauses one more camera while space is short; resumes them all once there is room again. Returns the cameras still paused. */
async function adjustPauses(
  ctx: CleanerContext,
  space: Space,
  margin: number,
  now: Date,
  report: CleanReport,
): Promise<RecordingCamera[]> {
  let paused = await listPausedCameras(ctx.db);
  if (isShort(space)) {
    const next = await nextCameraToPause(ctx.db);
    if (next) {
      const defaults = retentionDefaults(ctx.config);
      await setRecordingPause(ctx.db, { cameraId: next.id, at: now, reason: STORAGE_FULL, defaults });
      report.paused.push(next.id);
      ctx.log('warn', 'recording paused: only protected footage left', {
        cameraId: next.id,
        priority: next.priority,
      });
      paused = await listPausedCameras(ctx.db);
    }
  } else if (paused.length > 0 && hasRoom(space, margin)) {
    // All at once: the margin leaves them room. Reported highest priority first.
    await clearRecordingPauses(
      ctx.db,
      paused.map((c) => c.id),
    );
    report.resumed.push(...paused.map((c) => c.id));
    ctx.log('info', 'recording resumed: space is back', { cameraIds: report.resumed });
    paused = [];
  }
  return paused;
}

const retentionDefaults = (config: RecordingConfig): RetentionDefaults => ({
  minDays: config.defaultMinDays,
  maxDays: config.defaultMaxDays,
});

/** One pass. Safe to run while recorders write: only indexed (closed) segments are ever deleted. */
export async function cleanOnce(ctx: CleanerContext): Promise<CleanReport> {
  const now = new Date((ctx.now ?? Date.now)());
  const report: CleanReport = {
    available: false,
    deletedByAge: 0,
    deletedForSpace: 0,
    freedBytes: 0,
    paused: [],
    resumed: [],
    hoursLeft: null,
  };
  const volume = await recordingsVolumeState(ctx.config.dir);
  // Recording not configured is a deployment's choice (the overview says so), not an alarm.
  if (volume.problem === 'not_configured') return report;
  if (!volume.available) {
    // Deleting rows whose files cannot be reached would lose track of footage; creating the directory would fill the wrong disk.
    await conditionHolds(ctx, volumeAlarm(volume, now), recordingsFoldKey('recording.volume'));
    ctx.log('error', 'recordings volume unavailable: nothing cleaned', { problem: volume.problem });
    return report;
  }
  report.available = true;
  await conditionCleared(ctx, recordingsFoldKey('recording.volume'), now.toISOString());
  const dir = ctx.config.dir!;
  const defaults = retentionDefaults(ctx.config);
  const touched = new Set<string>();

  const byAge = await drain(ctx, dir, touched, () =>
    deleteExpiredSegments(ctx.db, { now, defaults, limit: BATCH }),
  );
  report.deletedByAge = byAge.count;

  const margin = SPACE_MARGIN_FRACTION * ctx.config.quotaBytes;
  let space = await readSpace(ctx, dir, now);
  // Paused cameras wait for the margin: free it even when not short, or they would wait for writes that never come.
  const pausedBefore = (await listPausedCameras(ctx.db)).length > 0;
  if (isShort(space) || (pausedBefore && !hasRoom(space, margin))) {
    const need = bytesToFree(space, margin);
    // Each statement deletes just enough of what is still needed, oldest first.
    const forSpace = await drain(
      ctx,
      dir,
      touched,
      (freed) => deleteSegmentsForSpace(ctx.db, { now, defaults, bytes: need - freed, limit: BATCH }),
      (freed) => freed >= need,
    );
    report.deletedForSpace = forSpace.count;
    report.freedBytes = forSpace.bytes;
    space = await readSpace(ctx, dir, now);
  }
  report.freedBytes += byAge.bytes;
  await removeEmptyDateDirs(ctx, dir, touched, now);

  const paused = await adjustPauses(ctx, space, margin, now, report);
  if (paused.length > 0)
    await conditionHolds(ctx, pausedAlarm(paused, now), recordingsFoldKey('recording.paused'));
  else await conditionCleared(ctx, recordingsFoldKey('recording.paused'), now.toISOString());

  report.hoursLeft = hoursLeft(space, space.protectedFootage, space.writeBytesPerHour);
  if (report.hoursLeft !== null && report.hoursLeft < ctx.config.lowStorageHours) {
    await conditionHolds(
      ctx,
      storageAlarm(space, report.hoursLeft, now),
      recordingsFoldKey('recording.storage'),
    );
  } else {
    await conditionCleared(ctx, recordingsFoldKey('recording.storage'), now.toISOString());
  }
  return report;
}

export interface CleanerLoopContext extends CleanerContext {
  redis: Redis;
  /** The Redis key of the lease: one worker cleans at a time. */
  leaseKey: string;
}

/** Runs `cleanOnce` every `everyS` seconds in whichever worker holds the lease, until stopped. */
export function startCleaner(ctx: CleanerLoopContext, everyS: number): { stop: () => Promise<void> } {
  return startLeasedLoop({
    redis: ctx.redis,
    leaseKey: ctx.leaseKey,
    everyS,
    pass: () => cleanOnce(ctx),
    onError: (error) => ctx.log('error', 'retention pass failed', { error: error.message }),
  });
}
