// Finding the footage of an incident: the cameras that could have seen the place, what they recorded then, events near.
import type { Queryable } from '../../db/pool';
import { HttpError } from '../../lib/http-error';
import type { LonLat } from '../../schemas';
import {
  FINDER_MAX_LIMIT,
  FINDER_MAX_RADIUS_M,
  FINDER_MAX_UNCERTAINTY_M,
  type CoverageGap,
  type CoverageGapReason,
  type FootageCoverage,
  type FootageSearch,
  type FoundCamera,
  type NearEvent,
} from '../../schemas/camera-finder.schema';
import {
  candidateCameras,
  eventsNear,
  recordingCoverage,
  type CameraCoverage,
  type NearEventRecord,
} from '../../repositories/camera-finder.repository';
import { DEFAULT_RANGE_M, DEFAULT_UNCERTAINTY_M, rankCameras } from './rank-cameras';

export interface FindFootageInput {
  place: LonLat;
  window: { from: Date; to: Date };
  /** How far off the place may be, metres; default {@link DEFAULT_UNCERTAINTY_M}. */
  uncertaintyM?: number;
  /** Cameras and events within this of the place are considered; default {@link DEFAULT_FINDER_RADIUS_M}. */
  radiusM?: number;
  /** Cameras returned; default {@link DEFAULT_FINDER_LIMIT}. */
  limit?: number;
}

/** Useful range plus room for an uncertain place: a camera further off cannot show the incident in usable detail. */
export const DEFAULT_FINDER_RADIUS_M = DEFAULT_RANGE_M + 100;
export const DEFAULT_FINDER_LIMIT = 10;
/** Coverage of a longer window is a different question (an export); the playback timeline has the same bound. */
export const FINDER_MAX_WINDOW_DAYS = 7;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo));

const GAP_TEXT: Record<CoverageGapReason, { en: string; th: string }> = {
  camera_offline: { en: 'The camera was offline', th: 'กล้องออฟไลน์' },
  worker_stopped: { en: 'Recording was stopped', th: 'การบันทึกภาพถูกหยุด' },
  worker_died: { en: 'The recording worker ended unexpectedly', th: 'โปรแกรมบันทึกภาพหยุดทำงานโดยไม่คาดคิด' },
  storage_full: { en: 'The recordings storage was full', th: 'พื้นที่จัดเก็บภาพบันทึกเต็ม' },
  corrupt_segment: { en: 'The recorded file was corrupt', th: 'ไฟล์ภาพบันทึกเสียหาย' },
  volume_unavailable: { en: 'The recordings volume was unavailable', th: 'พื้นที่จัดเก็บภาพบันทึกใช้งานไม่ได้' },
  recording_disabled: { en: 'Recording was turned off for this camera', th: 'ปิดการบันทึกภาพของกล้องนี้' },
  write_failed: { en: 'Writing the recording failed', th: 'เขียนไฟล์ภาพบันทึกไม่สำเร็จ' },
  not_recorded: {
    en: 'Not recorded (no footage and no recorded reason; it may have been deleted by retention)',
    th: 'ไม่มีภาพบันทึก (ไม่พบภาพและไม่มีเหตุผลที่บันทึกไว้ อาจถูกลบตามระยะเวลาการเก็บรักษา)',
  },
};

function checkWindow(window: FindFootageInput['window']): void {
  const { from, to } = window;
  if (!(from.getTime() < to.getTime())) {
    throw new HttpError(400, '"from" must be before "to"', 'เวลาเริ่มต้องอยู่ก่อนเวลาสิ้นสุด');
  }
  if (to.getTime() - from.getTime() > FINDER_MAX_WINDOW_DAYS * 86_400_000) {
    throw new HttpError(
      400,
      `The period can be at most ${FINDER_MAX_WINDOW_DAYS} days`,
      `ช่วงเวลาต้องไม่เกิน ${FINDER_MAX_WINDOW_DAYS} วัน`,
    );
  }
}

const emptyCoverage = (window: FindFootageInput['window']): CameraCoverage => ({
  cameraId: 0,
  spans: [],
  gaps: [{ from: window.from, to: window.to, reason: 'not_recorded', detail: null }],
  coveredSeconds: 0,
  fraction: 0,
});

function toCoverage(c: CameraCoverage): FootageCoverage {
  return {
    spans: c.spans.map((s) => ({ from: s.from.toISOString(), to: s.to.toISOString() })),
    gaps: c.gaps.map((g): CoverageGap => ({
      from: g.from.toISOString(),
      to: g.to.toISOString(),
      reason: g.reason,
      detail: g.detail,
      text: GAP_TEXT[g.reason].en,
      textTh: GAP_TEXT[g.reason].th,
    })),
    coveredSeconds: Math.round(c.coveredSeconds * 1000) / 1000,
    fraction: Math.round(c.fraction * 10_000) / 10_000,
  };
}

const toNearEvent = (e: NearEventRecord): NearEvent => ({
  id: e.id,
  type: e.type,
  severity: e.severity,
  status: e.status,
  cameraId: e.cameraId,
  location: e.location,
  startedAt: e.startedAt.toISOString(),
  endedAt: e.endedAt ? e.endedAt.toISOString() : null,
  distanceM: Math.round(e.distanceM * 10) / 10,
});

/**
 * The cameras that could have seen the place, best first, each with its footage in the window (spans, gaps and why)
 * and the nearby events it raised; and the system's events near the place and time. Disabled cameras are included:
 * they may have recorded before they were turned off. Throws a 400 HttpError for a reversed or too long window.
 */
export async function findFootage(db: Queryable, input: FindFootageInput): Promise<FootageSearch> {
  checkWindow(input.window);
  // The route's schema bounds these; a direct caller is held to the same bounds.
  const uncertaintyM = clamp(input.uncertaintyM ?? DEFAULT_UNCERTAINTY_M, 0, FINDER_MAX_UNCERTAINTY_M);
  const radiusM = clamp(input.radiusM ?? DEFAULT_FINDER_RADIUS_M, 1, FINDER_MAX_RADIUS_M);
  const limit = Math.round(clamp(input.limit ?? DEFAULT_FINDER_LIMIT, 1, FINDER_MAX_LIMIT));

  const candidates = await candidateCameras(db, input.place, radiusM);
  const ranked = rankCameras(input.place, candidates, { uncertaintyM }).slice(0, limit);
  const [coverage, events] = await Promise.all([
    recordingCoverage(
      db,
      ranked.map((r) => r.cameraId),
      input.window,
    ),
    eventsNear(db, input.place, input.window, radiusM),
  ]);

  const byId = new Map(candidates.map((c) => [c.id, c]));
  const cameras = ranked.map((r, i): FoundCamera => {
    const c = byId.get(r.cameraId)!;
    return {
      cameraId: c.id,
      name: c.name,
      nameTh: c.nameTh,
      enabled: c.enabled,
      status: c.status,
      location: c.location,
      headingDeg: c.headingDeg,
      fovDeg: c.fovDeg,
      calibrated: c.calibration !== null,
      rank: i + 1,
      score: r.score,
      basis: r.basis,
      distanceM: r.distanceM,
      bearingOffDeg: r.bearingOffDeg,
      viewShare: r.viewShare,
      imagePoint: r.imagePoint,
      reason: r.reason,
      reasonTh: r.reasonTh,
      coverage: toCoverage(coverage.get(c.id) ?? emptyCoverage(input.window)),
      eventIds: events.filter((e) => e.cameraId === c.id).map((e) => e.id),
    };
  });
  return {
    place: input.place,
    uncertaintyM,
    radiusM,
    from: input.window.from.toISOString(),
    to: input.window.to.toISOString(),
    cameras,
    events: events.map(toNearEvent),
  };
}
