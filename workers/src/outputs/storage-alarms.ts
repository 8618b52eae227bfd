// Titles, summaries and payloads (English and Thai) of the recordings-volume alarms: the volume unavailable, cameras
// paused for want of space, storage running low. `condition` says what the alarm is about, so a check that finds the
// same again raises nothing new (see condition-alarm).
import type { NewEvent } from '@toc/server/schemas';
import type { VolumeState } from '@toc/server/lib/recordings-volume';
import type { SpaceFigures } from '@toc/server/lib/storage-forecast';
import type { RecordingCamera } from '@toc/server/repositories/camera-recording.repository';

const alarm = (
  type: NewEvent['type'],
  severity: NewEvent['severity'],
  now: Date,
  payload: Record<string, unknown> & { condition: string },
) => ({
  type,
  severity,
  location: null,
  cameraId: null,
  startedAt: now.toISOString(),
  confidence: null,
  modelId: null,
  payload,
});

export function volumeAlarm(volume: VolumeState, now: Date) {
  return alarm('recording.volume', 'critical', now, {
    condition: volume.problem ?? 'unavailable',
    title: {
      en: 'Recordings volume unavailable: nothing is recorded',
      th: 'พื้นที่จัดเก็บภาพบันทึกใช้งานไม่ได้ ไม่มีการบันทึกภาพ',
    },
    summary: volume.reason,
    problem: volume.problem,
  });
}

export function pausedAlarm(paused: readonly RecordingCamera[], now: Date) {
  const names = { en: paused.map((c) => c.name).join(', '), th: paused.map((c) => c.nameTh).join(', ') };
  return alarm('recording.paused', 'high', now, {
    condition: paused.map((c) => c.id).join(','),
    title: { en: 'Recording paused: storage full', th: 'หยุดบันทึกภาพชั่วคราว: พื้นที่จัดเก็บเต็ม' },
    summary: {
      en: `Only held or minimum-retention footage is left on the recordings volume. Recording paused for: ${names.en}`,
      th: `พื้นที่จัดเก็บเหลือเพียงภาพที่ถูกระงับการลบหรือยังเก็บไม่ครบระยะขั้นต่ำ หยุดบันทึกภาพของกล้อง: ${names.th}`,
    },
    cameraIds: paused.map((c) => c.id),
    cameras: paused.map((c) => ({ id: c.id, name: c.name, nameTh: c.nameTh, priority: c.priority })),
  });
}

export function storageAlarm(space: SpaceFigures & { writeBytesPerHour: number }, hours: number, now: Date) {
  const full = hours <= 0;
  const shown = Math.round(hours * 10) / 10;
  return alarm('recording.storage', full ? 'high' : 'medium', now, {
    condition: full ? 'full' : 'low',
    title: { en: 'Recording storage running low', th: 'พื้นที่จัดเก็บภาพบันทึกใกล้เต็ม' },
    summary: full
      ? {
          en: 'The recordings volume has reached its quota or free-space floor: the oldest unprotected footage is deleted, and cameras pause when none is left',
          th: 'พื้นที่จัดเก็บภาพบันทึกถึงขีดจำกัดแล้ว ระบบลบภาพเก่าที่สุดที่ไม่ได้ถูกระงับการลบ และหยุดบันทึกกล้องบางตัวเมื่อไม่มีภาพที่ลบได้',
        }
      : {
          en: `About ${shown} hours of recording space left at the current write rate`,
          th: `พื้นที่บันทึกภาพเหลือพอสำหรับประมาณ ${shown} ชั่วโมงตามอัตราการบันทึกปัจจุบัน`,
        },
    hoursLeft: hours,
    usedBytes: space.usedBytes,
    quotaBytes: space.quotaBytes,
    freeBytes: space.freeBytes,
    freeFloorBytes: space.freeFloorBytes,
    writeBytesPerHour: space.writeBytesPerHour,
  });
}
