// Polls a GTFS-RT VehiclePositions URL and queues new fixes of registered devices on the ingest's Redis stream.
import type { Redis } from 'ioredis';
import type { Queryable } from '@toc/server/db/pool';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { findDeviceAuth } from '@toc/server/repositories/gps-devices.repository';
import type { GpsStreamEntry } from '@toc/server/schemas';
import { vehiclePositionFixes } from './vehicle-positions-fixes';

export interface GtfsRtPollerOptions {
  url: string;
  db: Queryable;
  redis: Redis;
  queuePrefix: string;
  /** Device unique id = idPrefix + the feed's vehicle id. */
  idPrefix: string;
  streamMaxLen: number;
  timeoutMs?: number;
}

export interface PollResult {
  status: number;
  /** Fixes in the feed, queued (new and of a registered, enabled device), and refused as unknown devices. */
  inFeed: number;
  queued: number;
  unknownDevices: string[];
}

export class GtfsRtPoller {
  private etag: string | null = null;
  /** Last fix time sent per device: a feed repeats a vehicle's position until it has a new one. */
  private readonly lastFixMs = new Map<string, number>();

  constructor(private readonly options: GtfsRtPollerOptions) {}

  async pollOnce(now = new Date()): Promise<PollResult> {
    const headers: Record<string, string> = { accept: 'application/x-protobuf' };
    if (this.etag) headers['if-none-match'] = this.etag;
    const response = await fetch(this.options.url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000) });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status === 304) return { status: 304, inFeed: 0, queued: 0, unknownDevices: [] };
    if (!response.ok) throw new Error(`GTFS-RT feed answered ${response.status}`);
    this.etag = response.headers.get('etag');

    const fixes = vehiclePositionFixes(body, this.options.idPrefix, now);
    // Only registered, enabled devices: the stream is trusted by the worker as the HTTP ingest's is.
    const devices = await findDeviceAuth(this.options.db, [...new Set(fixes.map((f) => f.deviceId))]);
    const registered = new Set(devices.filter((d) => d.enabled).map((d) => d.uniqueId));
    const unknown = new Set<string>();
    const fresh = fixes.filter((fix) => {
      if (!registered.has(fix.deviceId)) {
        unknown.add(fix.deviceId);
        return false;
      }
      const at = Date.parse(fix.fixTime);
      if (at <= (this.lastFixMs.get(fix.deviceId) ?? Number.NEGATIVE_INFINITY)) return false;
      this.lastFixMs.set(fix.deviceId, at);
      return true;
    });
    if (fresh.length > 0) {
      // The same entry format as the HTTP ingest: one entry per poll, the worker filters and stores as usual.
      const entry: GpsStreamEntry = { receivedAt: now.toISOString(), fixes: fresh };
      await this.options.redis.xadd(busKeys(this.options.queuePrefix).fixes, 'MAXLEN', '~', this.options.streamMaxLen, '*', 'fixes', JSON.stringify(entry));
    }
    return { status: response.status, inFeed: fixes.length, queued: fresh.length, unknownDevices: [...unknown] };
  }
}
