// The alarms an operator gets about one camera's recording: footage lost unexpectedly (not a camera going offline,
// which is its own state), and recording that cannot keep up.
import type { NewEvent, GapReason } from '@toc/server/schemas';

const REASON_TEXT: Record<GapReason, { en: string; th: string }> = {
  camera_offline: { en: 'camera offline', th: 'กล้องออฟไลน์' },
  worker_stopped: { en: 'recording stopped', th: 'หยุดบันทึก' },
  worker_died: { en: 'recording worker died', th: 'ตัวบันทึกหยุดทำงานกะทันหัน' },
  storage_full: { en: 'recordings volume full', th: 'พื้นที่บันทึกเต็ม' },
  corrupt_segment: { en: 'corrupt footage segment', th: 'ไฟล์ภาพบันทึกเสียหาย' },
  volume_unavailable: { en: 'recordings volume unavailable', th: 'ไม่พบพื้นที่บันทึก' },
  recording_disabled: { en: 'recording switched off', th: 'ปิดการบันทึก' },
  write_failed: { en: 'footage could not be written', th: 'เขียนภาพบันทึกไม่ได้' },
};

/** A `recording.gap` alarm and its fold key: repeats on the same camera fold into one alarm. */
export function recordingGapAlarm(
  camera: { id: number; location: NewEvent['location'] },
  gap: { reason: GapReason; from: Date; detail: string | null },
): [NewEvent, string] {
  const text = REASON_TEXT[gap.reason];
  return [
    {
      type: 'recording.gap',
      severity: 'medium',
      location: camera.location,
      cameraId: camera.id,
      startedAt: gap.from.toISOString(),
      confidence: null,
      modelId: null,
      payload: { reason: gap.reason, reasonText: text.en, reasonTextTh: text.th, detail: gap.detail },
    },
    `camera:${camera.id}|recording.gap`,
  ];
}

/** Fold key of a camera's "cannot keep up" condition (a condition alarm: raised once, ended when caught up). */
export const backlogFoldKey = (cameraId: number) => `camera:${cameraId}|recording.storage|backlog`;

/** Recording of this camera is `pending` segments behind: the volume or the database cannot keep up. */
export function recordingBacklogAlarm(
  camera: { id: number; location: NewEvent['location'] },
  pending: number,
  at: Date,
): NewEvent & { payload: { condition: string } } {
  return {
    type: 'recording.storage',
    severity: 'high',
    location: camera.location,
    cameraId: camera.id,
    startedAt: at.toISOString(),
    confidence: null,
    modelId: null,
    payload: {
      condition: 'cannot_keep_up',
      problem: 'cannot_keep_up',
      pendingSegments: pending,
      reasonText: `recording cannot keep up: ${pending} closed segments wait to be indexed`,
      reasonTextTh: `บันทึกภาพไม่ทัน: มี ${pending} ไฟล์รอจัดทำดัชนี`,
    },
  };
}
