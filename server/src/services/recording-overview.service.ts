// The recording overview: the volume's space and forecast, and per camera whether it records, what its footage holds
// and how long it will keep it. Each figure family is one query for all cameras.
import type { Queryable } from '../db/pool';
import type { RecordingConfig } from '../recording-config';
import { listCameraRecording } from '../repositories/camera-recording.repository';
import {
  footageByCamera,
  gapCountsSince,
  workerRecordingReports,
} from '../repositories/recording-health.repository';
import { recordingTotals } from '../repositories/retention.repository';
import { bangkokDayOf, bangkokDayPeriod } from '../lib/bangkok-day';
import { recordingsVolumeState, volumeFreeBytes, type StatFs } from '../lib/recordings-volume';
import { capacityBytes, daysForecast, hoursLeft } from '../lib/storage-forecast';
import {
  RECORDING_STATES,
  type RecordingHealth,
  type RecordingOverview,
  type RecordingStorage,
  type RecordingWorkerHealth,
} from '../schemas';

export interface OverviewContext {
  db: Queryable;
  config: RecordingConfig;
  statfs: StatFs;
  now: Date;
}

const DAY_MS = 86_400_000;

/** The worker's report if it has the expected shape (a worker of another version may send something else). */
function workerHealth(report: unknown): RecordingWorkerHealth | null {
  if (typeof report !== 'object' || report === null) return null;
  const r = report as Partial<RecordingWorkerHealth>;
  if (!RECORDING_STATES.includes(r.state as RecordingWorkerHealth['state'])) return null;
  return {
    state: r.state!,
    reason: typeof r.reason === 'string' ? r.reason : null,
    bitrateKbps: typeof r.bitrateKbps === 'number' && Number.isFinite(r.bitrateKbps) ? r.bitrateKbps : 0,
    lastSegmentAt:
      typeof r.lastSegmentAt === 'string' && !Number.isNaN(Date.parse(r.lastSegmentAt))
        ? r.lastSegmentAt
        : null,
  };
}

async function storageFigures(ctx: OverviewContext): Promise<RecordingStorage> {
  const { config } = ctx;
  const [volume, totals] = await Promise.all([
    recordingsVolumeState(config.dir),
    recordingTotals(ctx.db, ctx.now, config.defaultMinDays),
  ]);
  const freeBytes = volume.available ? await volumeFreeBytes(ctx.statfs, config.dir!).catch(() => 0) : 0;
  const space = {
    quotaBytes: config.quotaBytes,
    usedBytes: totals.usedBytes,
    freeBytes,
    freeFloorBytes: config.freeFloorBytes,
  };
  return {
    volume: config.dir ?? '',
    available: volume.available,
    // One string in the schema: both languages in it.
    reason: volume.reason && `${volume.reason.en} / ${volume.reason.th}`,
    ...space,
    writeBytesPerHour: totals.writeBytesPerHour,
    hoursLeft: volume.available ? hoursLeft(space, totals.protectedFootage, totals.writeBytesPerHour) : null,
    heldBytes: totals.heldBytes,
  };
}

export async function recordingOverview(ctx: OverviewContext): Promise<RecordingOverview> {
  const defaults = { minDays: ctx.config.defaultMinDays, maxDays: ctx.config.defaultMaxDays };
  const todayFrom = bangkokDayPeriod(bangkokDayOf(ctx.now)).from;
  const [storage, settings, footage, gaps, reports] = await Promise.all([
    storageFigures(ctx),
    listCameraRecording(ctx.db, defaults),
    footageByCamera(ctx.db),
    gapCountsSince(ctx.db, todayFrom),
    workerRecordingReports(ctx.db),
  ]);
  const bitrates = settings.map(({ cameraId }) => {
    const f = footage.get(cameraId);
    return f && f.recentSeconds > 0 ? (f.recentBytes * 8) / f.recentSeconds / 1000 : 0;
  });
  // A camera paused or switched off writes nothing from now on, whatever its last hour of footage says.
  const writing = settings.map((s) => s.enabled && s.pausedAt === null);
  const capacity = storage.available ? capacityBytes(storage) : storage.quotaBytes;
  const forecast = daysForecast(
    capacity,
    settings.map((s, i) => ({
      bytesPerDay: writing[i] ? ((bitrates[i]! * 1000) / 8) * 86_400 : 0,
      maxDays: s.maxDays,
    })),
  );
  const cameras: RecordingHealth[] = settings.map((s, i) => {
    const f = footage.get(s.cameraId);
    return {
      cameraId: s.cameraId,
      enabled: s.enabled,
      worker: workerHealth(reports.get(s.cameraId)),
      pausedReason: s.pausedAt === null ? null : (s.pausedReason ?? 'paused'),
      lastSegmentAt: f ? f.lastSegmentAt.toISOString() : null,
      bitrateKbps: Math.round(bitrates[i]! * 10) / 10,
      gapsToday: gaps.get(s.cameraId) ?? 0,
      // Held here means kept on the volume (the footage the camera has), not under an evidence hold.
      bytesHeld: f?.bytes ?? 0,
      daysHeld: f ? Math.max(0, (ctx.now.getTime() - f.oldestAt.getTime()) / DAY_MS) : 0,
      daysForecast: forecast[i]!,
      minDays: s.minDays,
      maxDays: s.maxDays,
      priority: s.priority,
    };
  });
  return { storage, cameras };
}
