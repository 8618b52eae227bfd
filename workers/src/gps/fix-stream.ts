// Reads the fixes stream as a consumer group: entries left unacknowledged by an earlier run first, then new ones, in batches.
import type { Redis } from 'ioredis';
import type { GpsFix } from '@toc/server/schemas';
import type { IncomingFix } from './fix-stage';
import { compareStreamIds } from './stream-progress';

export const GPS_GROUP = 'gps';
/** Entries another consumer took and left this long are taken over at start. */
const ORPHAN_IDLE_MS = 60_000;

export interface FixBatch {
  ids: string[];
  fixes: IncomingFix[];
  /** Entries that could not be read (they are acknowledged and dropped with the rest). */
  bad: number;
}

const isFix = (f: Partial<GpsFix> | null): f is GpsFix =>
  !!f &&
  typeof f.deviceId === 'string' &&
  typeof f.lat === 'number' &&
  typeof f.lon === 'number' &&
  typeof f.fixTime === 'string';

/** One stream entry's fixes, or null when the entry is not what the ingest writes. */
export function parseEntry(fields: readonly string[]): IncomingFix[] | null {
  const at = fields.indexOf('fixes');
  if (at < 0 || at % 2 !== 0) return null;
  try {
    const entry = JSON.parse(fields[at + 1]!) as { receivedAt?: unknown; fixes?: unknown };
    if (typeof entry.receivedAt !== 'string' || !Array.isArray(entry.fixes)) return null;
    const receivedAt = entry.receivedAt;
    const fixes = entry.fixes as Array<Partial<GpsFix> | null>;
    if (!fixes.every(isFix)) return null;
    return fixes.map((fix) => ({
      fix: {
        ...fix,
        speedKmh: fix.speedKmh ?? null,
        bearingDeg: fix.bearingDeg ?? null,
        altitudeM: fix.altitudeM ?? null,
        accuracyM: fix.accuracyM ?? null,
      },
      receivedAt,
    }));
  } catch {
    return null;
  }
}

type Reply = Array<[string, Array<[string, string[]]>]> | null;

export class FixStream {
  private backlog = true;
  /** While re-reading what was delivered but not acknowledged: the last id seen. */
  private pendingAfter = '0';
  /** Unacknowledged entries found stored already (their acknowledgement was lost): acknowledged, not delivered. */
  skippedStored = 0;
  /** Running estimate of the fixes per entry, to size reads. */
  private fixesPerEntry = 1;
  /** The last entry whose fixes this consumer stored (recorded with them in PostGIS). */
  private storedUpTo: string | null = null;
  /** Entries taken over from another consumer at start: this consumer's mark says nothing about them. */
  private readonly claimed = new Set<string>();

  constructor(
    /** A connection of its own: reads block. */
    private readonly redis: Redis,
    private readonly key: string,
    private readonly consumer: string,
  ) {}

  /** Joins the group, knowing which of its own unacknowledged entries are stored already (`storedUpTo`). */
  async init(storedUpTo: string | null = null): Promise<void> {
    this.storedUpTo = storedUpTo;
    try {
      await this.redis.xgroup('CREATE', this.key, GPS_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!/BUSYGROUP/.test((error as Error).message)) throw error;
    }
    const [, taken] = (await this.redis.xautoclaim(
      this.key,
      GPS_GROUP,
      this.consumer,
      ORPHAN_IDLE_MS,
      '0-0',
      'COUNT',
      10_000,
      'JUSTID',
    )) as [string, string[]];
    for (const id of taken) this.claimed.add(id);
  }

  /** The fixes up to this entry are stored: should it come back unacknowledged, it is not stored again. */
  markStored(id: string): void {
    if (this.storedUpTo === null || compareStreamIds(id, this.storedUpTo) > 0) this.storedUpTo = id;
  }

  /** Stored before the acknowledgement was lost (a crash between COPY and ack, or a failed ack). */
  private isStored(id: string): boolean {
    return this.storedUpTo !== null && !this.claimed.has(id) && compareStreamIds(id, this.storedUpTo) <= 0;
  }

  /** Entries until `maxRows` fixes or `flushMs` after the first one; waits up to `idleMs` when there is nothing. */
  async read(maxRows: number, flushMs: number, idleMs: number): Promise<FixBatch> {
    const batch: FixBatch = { ids: [], fixes: [], bad: 0 };
    let deadline = Infinity;
    while (batch.fixes.length < maxRows) {
      const waitMs = batch.ids.length === 0 ? idleMs : Math.floor(deadline - Date.now());
      if (waitMs <= 0) break;
      // Entries vary from one fix (OsmAnd) to thousands (batches): ask for about as many as fill the batch.
      const count = Math.max(
        1,
        Math.min(500, Math.ceil((maxRows - batch.fixes.length) / this.fixesPerEntry)),
      );
      const reply = (await (this.backlog
        ? this.redis.xreadgroup(
            'GROUP',
            GPS_GROUP,
            this.consumer,
            'COUNT',
            count,
            'STREAMS',
            this.key,
            this.pendingAfter,
          )
        : this.redis.xreadgroup(
            'GROUP',
            GPS_GROUP,
            this.consumer,
            'COUNT',
            count,
            'BLOCK',
            waitMs,
            'STREAMS',
            this.key,
            '>',
          ))) as Reply;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) {
        if (this.backlog) {
          this.backlog = false;
          continue;
        }
        break;
      }
      if (batch.ids.length === 0) deadline = Date.now() + flushMs;
      if (this.backlog) this.pendingAfter = entries[entries.length - 1]![0];
      const stored: string[] = [];
      for (const [id, fields] of entries) {
        if (this.backlog && this.isStored(id)) {
          stored.push(id);
          continue;
        }
        batch.ids.push(id);
        const fixes = fields ? parseEntry(fields) : null;
        if (fixes) for (const fix of fixes) batch.fixes.push(fix);
        else batch.bad++;
      }
      if (stored.length > 0) {
        await this.ack(stored);
        this.skippedStored += stored.length;
      }
      if (batch.ids.length === 0) continue;
      this.fixesPerEntry = Math.max(
        1,
        (batch.fixes.length / batch.ids.length) * 0.5 + this.fixesPerEntry * 0.5,
      );
    }
    return batch;
  }

  /** The next read starts again with the entries delivered to this consumer but not acknowledged. */
  rewind(): void {
    this.backlog = true;
    this.pendingAfter = '0';
  }

  /** Done with these entries: acknowledged and removed, so the stream holds only the backlog. */
  async ack(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.redis
      .pipeline()
      .xack(this.key, GPS_GROUP, ...ids)
      .xdel(this.key, ...ids)
      .exec();
    for (const id of ids) this.claimed.delete(id);
  }
}
