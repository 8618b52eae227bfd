// The cameras of this worker that are behind on their frames (analysis-pace.ts), as one alarm for operators: while a
// camera is behind its new road alarms are held, and a control room must know which cameras are not watched.
import type { NewEvent } from '@toc/server/schemas';
import { conditionCleared, conditionHolds, type ConditionAlarmContext } from '../outputs/condition-alarm';
import { behindFoldKey } from '../outputs/fold-keys';
import type { JournalLog } from '../outputs/write-journal';
import { cameraSetAlarm, type NamedCamera } from './camera-set-alarm';

/** A camera behind on its frames. */
export type BehindCamera = NamedCamera;

/** The alarm for `cameras` (at least one) behind on `workerId`; its condition changes when the set does. */
export function behindAlarm(
  workerId: string,
  cameras: readonly BehindCamera[],
  at: Date,
): NewEvent & { payload: { condition: string } } {
  return cameraSetAlarm(
    'camera.behind',
    cameras,
    at,
    (n, names) => ({
      reasonText:
        `new road alarms held on ${n} camera${n === 1 ? '' : 's'}: worker ${workerId} cannot analyse enough of ` +
        `their frames (${names.en})`,
      reasonTextTh: `งดแจ้งเหตุบนถนนใหม่ ${n} กล้อง: ตัวประมวลผล ${workerId} วิเคราะห์ภาพไม่ทัน (${names.th})`,
    }),
    { workerId },
  );
}

/**
 * Keeps the worker's alarm in step with its cameras: raised when the first falls behind, raised again (folded into
 * the same alarm) when the set changes, ended when the last catches up or stops. Changes are written one at a time,
 * and those made while a write waits its turn join it: a stopping worker's hundreds of cameras make one write, not
 * one each (measured: 300 queued writes still running when the worker closed its database pool).
 */
export class BehindCameras {
  private readonly behind = new Map<number, BehindCamera>();
  private writing: Promise<void> = Promise.resolve();
  /** A write of the set as it stands is waiting its turn. */
  private queued = false;
  /** When the set last changed (or was asserted again): the time the queued write gives the alarm. */
  private changedAt = new Date();

  constructor(private readonly ctx: ConditionAlarmContext & { workerId: string; log: JournalLog }) {}

  /** Notes whether `camera` is behind now; the alarm follows. */
  note(camera: BehindCamera, behind: boolean): void {
    if (behind === this.behind.has(camera.id)) return;
    if (behind) this.behind.set(camera.id, camera);
    else this.behind.delete(camera.id);
    this.queueWrite();
  }

  /**
   * Writes the alarm again as it stands: raised again if something ended it while cameras are still behind, ended
   * if one is running under this worker's id with none behind (left by an earlier run with the same WORKER_ID).
   * Nothing changes when the alarm already says so.
   */
  reassert(): void {
    this.queueWrite();
  }

  private queueWrite(): void {
    this.changedAt = new Date();
    if (this.queued) return;
    this.queued = true;
    this.writing = this.writing.then(() => {
      this.queued = false;
      return this.write([...this.behind.values()], this.changedAt);
    });
  }

  /** Resolves once every change noted so far is written. */
  written(): Promise<void> {
    return this.writing;
  }

  private async write(cameras: BehindCamera[], at: Date): Promise<void> {
    const key = behindFoldKey(this.ctx.workerId);
    try {
      if (cameras.length > 0)
        await conditionHolds(this.ctx, behindAlarm(this.ctx.workerId, cameras, at), key);
      else await conditionCleared(this.ctx, key, at.toISOString());
    } catch (error) {
      this.ctx.log('error', 'analysis-behind alarm not written', {
        cameraIds: cameras.map((c) => c.id),
        error: (error as Error).message,
      });
    }
  }
}
