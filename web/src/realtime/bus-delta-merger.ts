// Merges the `buses.delta` messages received between two flushes into one change set (latest wins per vehicle).
import type { BusDelta, BusState } from '@toc/server/schemas';

export interface MergedBusDelta {
  /** True when this set starts from the server's full snapshot: buses not in it are gone. */
  reset: boolean;
  upsert: BusState[];
  remove: number[];
}

export class BusDeltaMerger {
  private upserts = new Map<number, BusState>();
  private removals = new Set<number>();
  private reset = false;
  private awaitingSnapshot = false;
  private pending = false;

  /** The next delta is the full list the server sends after a `buses.watch` (on a new connection). */
  expectSnapshot(): void {
    this.awaitingSnapshot = true;
  }

  put(delta: BusDelta): void {
    if (this.awaitingSnapshot) {
      // Whatever was pending is older than the snapshot, which replaces it.
      this.upserts.clear();
      this.removals.clear();
      this.reset = true;
      this.awaitingSnapshot = false;
    }
    for (const bus of delta.upsert) {
      this.removals.delete(bus.vehicleId);
      this.upserts.set(bus.vehicleId, bus);
    }
    for (const vehicleId of delta.remove) {
      this.upserts.delete(vehicleId);
      this.removals.add(vehicleId);
    }
    this.pending = true;
  }

  /** The merged change set since the last drain, or null when nothing came. */
  drain(): MergedBusDelta | null {
    if (!this.pending) return null;
    const merged: MergedBusDelta = { reset: this.reset, upsert: [...this.upserts.values()], remove: [...this.removals] };
    this.clear();
    return merged;
  }

  clear(): void {
    this.upserts = new Map();
    this.removals = new Set();
    this.reset = false;
    this.pending = false;
  }
}
