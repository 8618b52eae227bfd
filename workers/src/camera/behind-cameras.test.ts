// Small: the worker's "analysis behind" alarm names its cameras (the first five, then how many more) in both languages.
import { describe, expect, it } from 'vitest';
import { behindAlarm } from './behind-cameras';

const camera = (id: number) => ({ id, name: `Camera ${id}`, nameTh: `กล้อง ${id}` });

describe('behindAlarm', () => {
  it('lists the cameras by id in its condition, so a changed set raises again', () => {
    const alarm = behindAlarm('worker-a', [camera(7), camera(3)], new Date('2026-12-06T13:00:00Z'));
    expect(alarm).toMatchObject({
      type: 'camera.behind',
      severity: 'high',
      cameraId: null,
      location: null,
      startedAt: '2026-12-06T13:00:00.000Z',
      payload: { condition: '3,7', cameraIds: [3, 7], workerId: 'worker-a' },
    });
    expect(alarm.payload.reasonText).toBe(
      'new road alarms held on 2 cameras: worker worker-a cannot analyse enough of their frames (Camera 3, Camera 7)',
    );
    expect(alarm.payload.reasonTextTh).toBe(
      'งดแจ้งเหตุบนถนนใหม่ 2 กล้อง: ตัวประมวลผล worker-a วิเคราะห์ภาพไม่ทัน (กล้อง 3, กล้อง 7)',
    );
  });

  it('names five cameras and counts the rest', () => {
    const alarm = behindAlarm('w', [1, 2, 3, 4, 5, 6, 7].map(camera), new Date(0));
    expect(alarm.payload.reasonText).toContain('(Camera 1, Camera 2, Camera 3, Camera 4, Camera 5 +2)');
    expect(alarm.payload.cameraIds).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
