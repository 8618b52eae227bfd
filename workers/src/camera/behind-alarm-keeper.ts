// Keeps the camera.behind alarms true across the cluster: ends the alarm of a worker that is gone (killed, its
// machine lost), which nobody else would end, and has this worker's own alarm raised again if it was ended.
import { listRunningAlarms } from '@toc/server/repositories/events.repository';
import type { WorkerConfig } from '../config';
import { conditionCleared, type ConditionAlarmContext } from '../outputs/condition-alarm';
import { behindFoldKey } from '../outputs/fold-keys';
import type { JournalLog } from '../outputs/write-journal';
import type { BehindCameras } from './behind-cameras';

export interface BehindAlarmKeeperContext extends ConditionAlarmContext {
  workerId: string;
  /** The camera workers connected to the queue now. */
  liveWorkerIds: () => Promise<ReadonlySet<string>>;
  behindCameras: BehindCameras;
  log: JournalLog;
}

/**
 * One pass of the keeper. A worker's alarm ends once it has been missing from two listings in a row: a worker
 * reconnecting after a Redis blip is listed again by the next pass. A listing without this worker is not trusted
 * (Redis has just come back and not every worker has reconnected yet).
 */
export class BehindAlarmKeeper {
  private missing = new Set<string>();

  constructor(private readonly ctx: BehindAlarmKeeperContext) {}

  /** Returns the workers whose alarm this pass ended. */
  async pass(at = new Date()): Promise<string[]> {
    this.ctx.behindCameras.reassert();
    await this.ctx.behindCameras.written();
    const live = await this.ctx.liveWorkerIds();
    if (!live.has(this.ctx.workerId)) return [];
    const running = await listRunningAlarms(this.ctx.db, 'camera.behind');
    const absent = new Set(
      running
        .map((alarm) => alarm.payload.workerId)
        .filter((id): id is string => typeof id === 'string' && !live.has(id)),
    );
    const gone = [...absent].filter((id) => this.missing.has(id));
    this.missing = absent;
    for (const workerId of gone) {
      await conditionCleared(this.ctx, behindFoldKey(workerId), at.toISOString(), { reason: 'worker_gone' });
      this.ctx.log('warn', 'camera.behind alarm of a worker that is gone ended', { workerId });
    }
    return gone;
  }
}

/**
 * Runs a worker's keeper each RECONCILE_INTERVAL_S on the camera queue's listing of the workers; `stop` waits for a
 * pass under way.
 */
export function keepBehindAlarms(
  ctx: ConditionAlarmContext & {
    config: Pick<WorkerConfig, 'workerId' | 'reconcileIntervalS'>;
    host: { liveWorkerIds: () => Promise<ReadonlySet<string>> };
    behindCameras: BehindCameras;
    log: JournalLog;
  },
): { stop: () => Promise<void> } {
  const { config, host, ...rest } = ctx;
  const keeper = new BehindAlarmKeeper({
    ...rest,
    workerId: config.workerId,
    liveWorkerIds: () => host.liveWorkerIds(),
  });
  let pass: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (pass) return; // the last pass is still waiting on a slow database or Redis
    pass = keeper
      .pass()
      .then(
        () => undefined,
        (error: unknown) =>
          ctx.log('error', 'camera.behind keeper pass failed', { error: (error as Error).message }),
      )
      .finally(() => {
        pass = null;
      });
  }, config.reconcileIntervalS * 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await pass;
    },
  };
}
