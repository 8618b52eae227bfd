// Device authentication for the ingest: device rows cached in memory for a few seconds (unknown ids too), keys checked in constant time.
import type { Queryable } from '../../db/pool';
import { deviceKeyMatches } from '../../lib/device-keys';
import { findDeviceAuth, type DeviceAuth } from '../../repositories/gps-devices.repository';

interface Entry {
  until: number;
  device: DeviceAuth | null;
}

export type AuthOutcome = { device: DeviceAuth } | { refused: 'unknown' | 'disabled' };

export class DeviceAuthCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs: number,
    /** Bounds memory against floods of made-up ids. */
    private readonly maxEntries = 100_000,
  ) {}

  /** Loads the devices not cached (one query for all of them). */
  private async devices(
    uniqueIds: readonly string[],
    nowMs: number,
  ): Promise<Map<string, DeviceAuth | null>> {
    const found = new Map<string, DeviceAuth | null>();
    const missing: string[] = [];
    for (const id of uniqueIds) {
      const entry = this.entries.get(id);
      if (entry && entry.until > nowMs) found.set(id, entry.device);
      else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = new Map((await findDeviceAuth(this.db, missing)).map((d) => [d.uniqueId, d]));
      if (this.entries.size + missing.length > this.maxEntries) this.entries.clear();
      for (const id of missing) {
        const device = rows.get(id) ?? null;
        this.entries.set(id, { until: nowMs + this.ttlMs, device });
        found.set(id, device);
      }
    }
    return found;
  }

  /** Checks each (id, key); an unknown id and a wrong key get the same answer, so ids cannot be probed. */
  async authenticate(
    credentials: ReadonlyArray<{ uniqueId: string; key: string | undefined }>,
    nowMs = Date.now(),
  ): Promise<AuthOutcome[]> {
    const devices = await this.devices([...new Set(credentials.map((c) => c.uniqueId))], nowMs);
    return credentials.map(({ uniqueId, key }) => {
      const device = devices.get(uniqueId);
      if (!device || !key || !deviceKeyMatches(key, device.keyHash)) return { refused: 'unknown' };
      return device.enabled ? { device } : { refused: 'disabled' };
    });
  }

  forget(uniqueId: string): void {
    this.entries.delete(uniqueId);
  }
}
