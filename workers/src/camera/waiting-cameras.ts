// Enabled cameras no worker has room for (every worker at its capacity, or too few workers), as one alarm for the
// whole cluster: such a camera is not analysed at all, and the control room must know which and why.
import type { NewEvent } from '@toc/server/schemas';
import { conditionCleared, conditionHolds, type ConditionAlarmContext } from '../outputs/condition-alarm';
import { WAITING_CAMERAS_FOLD_KEY } from '../outputs/fold-keys';
import { cameraSetAlarm, type NamedCamera } from './camera-set-alarm';

/** The alarm for `cameras` (at least one) waiting for a worker; its condition changes when the set does. */
export function waitingAlarm(
  cameras: readonly NamedCamera[],
  at: Date,
): NewEvent & { payload: { condition: string } } {
  return cameraSetAlarm('camera.waiting', cameras, at, (n, names) => ({
    reasonText:
      `${n} camera${n === 1 ? '' : 's'} not analysed: no camera worker has room (${names.en}); ` +
      'add a worker or raise its capacity',
    reasonTextTh: `กล้อง ${n} ตัวไม่ได้วิเคราะห์ภาพ: ไม่มีตัวประมวลผลที่รับเพิ่มได้ (${names.th}) เพิ่มตัวประมวลผลหรือเพิ่มความจุ`,
  }));
}

/** Cameras seen waiting in the previous pass, and the ones the alarm names. */
export interface WaitingState {
  seen: ReadonlySet<number>;
  alarmed: ReadonlySet<number>;
}

export const NO_WAITING: WaitingState = { seen: new Set(), alarmed: new Set() };

/**
 * The next state from the enabled cameras whose jobs wait now. A camera is named once it waited in two passes in a
 * row, and dropped once it did not in two: a job a full worker is handing back is active for a moment, and a camera
 * handed over is waiting for one, so neither makes the alarm come and go.
 */
export function nextWaiting(
  state: WaitingState,
  waitingNow: ReadonlySet<number>,
  enabled: ReadonlySet<number>,
): WaitingState {
  const seen = new Set([...waitingNow].filter((id) => enabled.has(id)));
  const alarmed = new Set(
    [...enabled].filter(
      (id) =>
        (waitingNow.has(id) && state.seen.has(id)) ||
        (state.alarmed.has(id) && (waitingNow.has(id) || state.seen.has(id))),
    ),
  );
  return { seen, alarmed };
}

export interface WaitingCamerasContext extends ConditionAlarmContext {
  /** The enabled cameras, with their names. */
  enabledCameras: () => Promise<NamedCamera[]>;
  /** Cameras whose job waits in the queue now: taken by no worker. */
  waitingCameraIds: () => Promise<ReadonlySet<number>>;
}

/** Keeps the cluster's alarm in step with the cameras waiting; run by one worker at a time (a leased loop). */
export class WaitingCamerasWatch {
  private state: WaitingState = NO_WAITING;

  constructor(private readonly ctx: WaitingCamerasContext) {}

  /** One pass; returns the cameras the alarm names now. */
  async pass(at = new Date()): Promise<NamedCamera[]> {
    // The queue first: a camera enabled after the listing has no job to wait yet.
    const waitingNow = await this.ctx.waitingCameraIds();
    const enabled = await this.ctx.enabledCameras();
    this.state = nextWaiting(this.state, waitingNow, new Set(enabled.map((c) => c.id)));
    const waiting = enabled.filter((c) => this.state.alarmed.has(c.id));
    if (waiting.length > 0)
      await conditionHolds(this.ctx, waitingAlarm(waiting, at), WAITING_CAMERAS_FOLD_KEY);
    else await conditionCleared(this.ctx, WAITING_CAMERAS_FOLD_KEY, at.toISOString());
    return waiting;
  }
}
