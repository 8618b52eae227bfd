// Which vehicle each device (by its OsmAnd id) belongs to: all devices re-read periodically, newcomers read on first sight.
import type { Queryable } from '@toc/server/db/pool';
import { findDeviceBindings, type DeviceBinding } from '@toc/server/repositories/gps-devices.repository';

export class DeviceDirectory {
  private byUniqueId = new Map<string, DeviceBinding>();
  /** Ids not found, and until when not to ask again. */
  private readonly absent = new Map<string, number>();
  private loadedAt = -Infinity;

  constructor(
    private readonly db: Queryable,
    private readonly reloadMs: number,
  ) {}

  async resolve(uniqueIds: Iterable<string>, nowMs: number): Promise<ReadonlyMap<string, DeviceBinding>> {
    if (nowMs - this.loadedAt >= this.reloadMs) {
      this.byUniqueId = new Map((await findDeviceBindings(this.db, null)).map((b) => [b.uniqueId, b]));
      this.absent.clear();
      this.loadedAt = nowMs;
    }
    const unseen = [...new Set(uniqueIds)].filter(
      (id) => !this.byUniqueId.has(id) && !((this.absent.get(id) ?? 0) > nowMs),
    );
    if (unseen.length > 0) {
      for (const binding of await findDeviceBindings(this.db, unseen))
        this.byUniqueId.set(binding.uniqueId, binding);
      for (const id of unseen) if (!this.byUniqueId.has(id)) this.absent.set(id, nowMs + this.reloadMs);
    }
    return this.byUniqueId;
  }
}
