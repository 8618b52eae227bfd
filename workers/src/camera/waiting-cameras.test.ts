// Small: the cluster's "cameras waiting for a worker" alarm names its cameras in both languages, and names a camera
// only after two passes waiting and drops it only after two passes not, so hand-overs and hand-backs do not flicker.
import { describe, expect, it } from 'vitest';
import { NO_WAITING, nextWaiting, waitingAlarm, type WaitingState } from './waiting-cameras';

const camera = (id: number) => ({ id, name: `Camera ${id}`, nameTh: `กล้อง ${id}` });

describe('waitingAlarm', () => {
  it('lists the cameras by id in its condition and says what to do, in English and Thai', () => {
    const alarm = waitingAlarm([camera(9), camera(4)], new Date('2026-12-07T10:00:00Z'));
    expect(alarm).toMatchObject({
      type: 'camera.waiting',
      severity: 'high',
      cameraId: null,
      location: null,
      payload: { condition: '4,9', cameraIds: [4, 9] },
    });
    expect(alarm.payload.reasonText).toBe(
      '2 cameras not analysed: no camera worker has room (Camera 4, Camera 9); add a worker or raise its capacity',
    );
    expect(alarm.payload.reasonTextTh).toBe(
      'กล้อง 2 ตัวไม่ได้วิเคราะห์ภาพ: ไม่มีตัวประมวลผลที่รับเพิ่มได้ (กล้อง 4, กล้อง 9) เพิ่มตัวประมวลผลหรือเพิ่มความจุ',
    );
  });
});

describe('nextWaiting', () => {
  const enabled = new Set([1, 2, 3]);
  const run = (passes: number[][], from: WaitingState = NO_WAITING) =>
    passes.reduce((state, waiting) => nextWaiting(state, new Set(waiting), enabled), from);

  it('names a camera waiting in two passes in a row, not one waiting once', () => {
    expect([...run([[1, 2]]).alarmed]).toEqual([]);
    expect([...run([[1, 2], [2]]).alarmed]).toEqual([2]);
  });

  it('keeps a named camera through one pass out of the queue (handed back by a full worker), drops it after two', () => {
    const named = run([[1], [1]]);
    expect([...run([[], [1]], named).alarmed]).toEqual([1]);
    expect([...run([[], []], named).alarmed]).toEqual([]);
  });

  it('ignores disabled cameras whose jobs still wait', () => {
    expect([...run([[7], [7]]).alarmed]).toEqual([]);
  });
});
