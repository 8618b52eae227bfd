// Playback of recorded footage: a camera's timeline, the HLS playlist of a window, a segment file to serve and a
// still at an instant, each with the reason (English and Thai) when there is nothing to show.
import { access, open, type FileHandle } from 'node:fs/promises';
import type { Queryable } from '../db/pool';
import { resolveInside } from '../lib/atomic-file';
import { HttpError, notFound } from '../lib/http-error';
import { periodOf, type Period } from '../lib/period';
import { recordingsVolumeState } from '../lib/recordings-volume';
import type { CameraTimeline, GapReason, TimelineQuery } from '../schemas';
import {
  SEGMENT_LOOKBACK_MS,
  cameraKnown,
  findGapAt,
  findSegment,
  findSegmentAt,
  listActiveHolds,
  listGaps,
  listRecordedSpans,
  listTimelineEvents,
  listWindowSegments,
  nextFootageStart,
  type PlaybackSegment,
} from '../repositories/recording-timeline.repository';
import { buildHlsPlaylist } from './hls-playlist';
import { stillFromSegment } from './recording-still.service';

export const TIMELINE_MAX_DAYS = 7;
export const PLAYLIST_MAX_HOURS = 6;

export interface PlaybackContext {
  db: Queryable;
  /** RECORDINGS_DIR (null: recording is not configured). */
  dir: string | null;
  now: Date;
}

const GAP_REASON_TEXT: Record<GapReason, { en: string; th: string }> = {
  camera_offline: { en: 'the camera was offline', th: 'กล้องออฟไลน์' },
  worker_stopped: { en: 'recording was stopped', th: 'การบันทึกภาพถูกหยุด' },
  worker_died: { en: 'the recording worker ended unexpectedly', th: 'โปรแกรมบันทึกภาพหยุดทำงานโดยไม่คาดคิด' },
  storage_full: { en: 'the recordings storage was full', th: 'พื้นที่จัดเก็บภาพบันทึกเต็ม' },
  corrupt_segment: { en: 'the recorded file was corrupt', th: 'ไฟล์ภาพบันทึกเสียหาย' },
  volume_unavailable: { en: 'the recordings volume was unavailable', th: 'พื้นที่จัดเก็บภาพบันทึกใช้งานไม่ได้' },
  recording_disabled: { en: 'recording was turned off for this camera', th: 'ปิดการบันทึกภาพของกล้องนี้' },
  write_failed: { en: 'writing the recording failed', th: 'เขียนไฟล์ภาพบันทึกไม่สำเร็จ' },
};

const unknownCamera = (id: number) => notFound(`Camera ${id}`, `กล้อง ${id}`);

/** The timeline reads the index only, so it needs recording configured, not the volume mounted. */
function requireConfigured(dir: string | null): string {
  if (dir) return dir;
  throw new HttpError(
    503,
    'Recording is not configured on this server (RECORDINGS_DIR is not set): there is no recorded footage',
    'ยังไม่ได้ตั้งค่าการบันทึกภาพบนเซิร์ฟเวอร์นี้ (ไม่ได้กำหนด RECORDINGS_DIR) จึงไม่มีภาพบันทึก',
  );
}

/** Footage is read from the volume: configured, mounted and carrying its marker, or a 503 that says which. */
async function requireVolume(dir: string | null): Promise<string> {
  const configured = requireConfigured(dir);
  const state = await recordingsVolumeState(configured);
  if (state.available) return configured;
  throw new HttpError(
    503,
    `Recorded footage cannot be read: ${state.reason!.en}`,
    `อ่านภาพบันทึกไม่ได้: ${state.reason!.th}`,
  );
}

async function requireCamera(db: Queryable, cameraId: number): Promise<void> {
  if (!(await cameraKnown(db, cameraId))) throw unknownCamera(cameraId);
}

export function timelineWindow(query: TimelineQuery): Period {
  return periodOf(query, TIMELINE_MAX_DAYS);
}

export function playlistWindow(query: TimelineQuery): Period {
  const period = periodOf(query, 1);
  if (period.to.getTime() - period.from.getTime() > PLAYLIST_MAX_HOURS * 3_600_000) {
    throw new HttpError(
      400,
      `A playlist covers at most ${PLAYLIST_MAX_HOURS} hours; ask for the next part when this one ends`,
      `เพลย์ลิสต์หนึ่งรายการครอบคลุมได้ไม่เกิน ${PLAYLIST_MAX_HOURS} ชั่วโมง กรุณาขอช่วงถัดไปเมื่อช่วงนี้จบ`,
    );
  }
  return period;
}

/** An instant from a query (the schema checked its form; a leap second such as 23:59:60 is still no JavaScript date). */
export function instantOf(text: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime()))
    throw new HttpError(400, `"${text}" is not a usable instant`, `เวลา "${text}" ใช้ไม่ได้`);
  return at;
}

export async function cameraTimeline(
  ctx: PlaybackContext,
  cameraId: number,
  query: TimelineQuery,
): Promise<CameraTimeline> {
  const { from, to } = timelineWindow(query);
  requireConfigured(ctx.dir);
  await requireCamera(ctx.db, cameraId);
  const window = { cameraId, from, to };
  const [spans, gaps, events, holds] = await Promise.all([
    listRecordedSpans(ctx.db, window),
    listGaps(ctx.db, window),
    listTimelineEvents(ctx.db, window),
    listActiveHolds(ctx.db, window, ctx.now),
  ]);
  return { cameraId, from: from.toISOString(), to: to.toISOString(), spans, gaps, events, holds };
}

/** The playlist of a window with footage; 404 with where footage next begins when it has none. */
export async function cameraPlaylist(
  ctx: PlaybackContext,
  cameraId: number,
  period: Period,
): Promise<string> {
  await requireVolume(ctx.dir);
  await requireCamera(ctx.db, cameraId);
  const segments = await listWindowSegments(ctx.db, { cameraId, ...period });
  if (segments.length === 0) {
    const next = await nextFootageStart(ctx.db, cameraId, period.from);
    const span = `${period.from.toISOString()} – ${period.to.toISOString()}`;
    throw new HttpError(
      404,
      `No recorded footage of camera ${cameraId} in ${span}; ` +
        (next ? `its footage resumes at ${next.toISOString()}` : 'nothing later was recorded'),
      `ไม่มีภาพบันทึกของกล้อง ${cameraId} ในช่วง ${span} ` +
        (next ? `ภาพบันทึกถัดไปเริ่มเวลา ${next.toISOString()}` : 'และไม่มีภาพบันทึกหลังจากนั้น'),
    );
  }
  return buildHlsPlaylist({ segments, ...period, now: ctx.now, settleMs: SEGMENT_LOOKBACK_MS });
}

/**
 * A segment file that is not there: gone (410) when retention deleted it after the index was read (a player holding
 * an older playlist); 503 when the whole volume is missing, which is not the footage's fault.
 */
async function missingFile(dir: string, id: number, error: unknown): Promise<never> {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  await requireVolume(dir);
  throw new HttpError(
    410,
    `Recorded segment ${id} is no longer stored (deleted by retention)`,
    `ไฟล์ภาพบันทึก ${id} ไม่มีอยู่แล้ว (ถูกลบตามระยะเวลาการเก็บรักษา)`,
  );
}

export interface OpenSegment {
  segment: PlaybackSegment;
  file: FileHandle;
  size: number;
}

/** A segment's file, opened (the caller streams and closes it), and checked against its index. */
export async function openSegment(ctx: PlaybackContext, id: number): Promise<OpenSegment> {
  const dir = requireConfigured(ctx.dir);
  const segment = await findSegment(ctx.db, id);
  if (!segment) throw notFound(`Recorded segment ${id}`, `ไฟล์ภาพบันทึก ${id}`);
  const file = await open(resolveInside(dir, segment.path), 'r').catch((error: unknown) =>
    missingFile(dir, id, error),
  );
  try {
    const { size } = await file.stat();
    // The byte ranges of the playlist come from the index: a file of another length is not the footage indexed.
    if (size !== segment.bytes) {
      throw new HttpError(
        409,
        `Recorded segment ${id} no longer matches its index (${size} bytes stored, ${segment.bytes} indexed)`,
        `ไฟล์ภาพบันทึก ${id} ไม่ตรงกับดัชนี (ขนาด ${size} ไบต์ ดัชนีระบุ ${segment.bytes} ไบต์)`,
      );
    }
    return { segment, file, size };
  } catch (error) {
    await file.close();
    throw error;
  }
}

/** The frame recorded at `at`, and the segment it came from; 404 naming the gap's reason when none was recorded. */
export async function recordedStill(
  ctx: PlaybackContext,
  cameraId: number,
  at: Date,
): Promise<{ jpeg: Buffer; segment: PlaybackSegment }> {
  const dir = await requireVolume(ctx.dir);
  await requireCamera(ctx.db, cameraId);
  const segment = await findSegmentAt(ctx.db, cameraId, at);
  if (!segment) {
    const gap = await findGapAt(ctx.db, cameraId, at);
    const why = gap
      ? GAP_REASON_TEXT[gap.reason]
      : { en: 'nothing was recorded then', th: 'ไม่มีการบันทึกภาพในเวลานั้น' };
    throw new HttpError(
      404,
      `No recorded footage of camera ${cameraId} at ${at.toISOString()}: ${why.en}`,
      `ไม่มีภาพบันทึกของกล้อง ${cameraId} เวลา ${at.toISOString()}: ${why.th}`,
    );
  }
  const file = resolveInside(dir, segment.path);
  await access(file).catch((error: unknown) => missingFile(dir, segment.id, error));
  const offsetS = (at.getTime() - segment.startedAt.getTime()) / 1000;
  const jpeg = await stillFromSegment(file, offsetS, segment.id);
  return { jpeg, segment };
}
