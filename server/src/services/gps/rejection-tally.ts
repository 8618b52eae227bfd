// Counts refused fixes per device and reason in memory, written to gps_devices in one statement per flush.
import type { Queryable } from '../../db/pool';
import { addRejections, type RejectionTally as Tally } from '../../repositories/gps-devices.repository';
import type { FixRejection } from '../../schemas';

export class RejectionTally {
  private pending = new Map<number, Tally>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Queryable,
    flushMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.timer = setInterval(() => void this.flush(), flushMs);
    this.timer.unref();
  }

  add(deviceId: number, reason: FixRejection, count = 1): void {
    const tally = this.pending.get(deviceId) ?? { deviceId, counts: {}, last: reason };
    tally.counts[reason] = (tally.counts[reason] ?? 0) + count;
    tally.last = reason;
    this.pending.set(deviceId, tally);
  }

  /** Writes what was counted so far; a failed write puts the counts back for the next flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const batch = this.pending;
      this.pending = new Map();
      try {
        await addRejections(this.db, [...batch.values()]);
      } catch (error) {
        for (const tally of batch.values()) {
          for (const [reason, count] of Object.entries(tally.counts))
            this.add(tally.deviceId, reason as FixRejection, count);
        }
        this.onError(error);
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
