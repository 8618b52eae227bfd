// A server relays events to its sockets from a Redis subscription, and pub/sub keeps nothing for a subscriber that was
// away: after a Redis restart or a network blip, the events changed meanwhile (stored in PostGIS first, their
// announcement lost or never sent) are read back from PostGIS and relayed, so a connected client misses nothing; then
// the clients are told to read the rest of their live state again (camera status, requests, crash layer), whose
// messages of the gap are gone.
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import { EVENT_TYPES, type Event } from '../schemas';
import { forEachEventAfter } from './event-pages';

/**
 * Seqs are taken inside transactions that may commit out of order, so the catch-up starts a little before the last seq
 * relayed; clients merge repeats by id.
 */
const SEQ_MARGIN = 200;

export interface RelayCatchUpContext {
  db: Queryable;
  /** The relay's subscriber connection (ioredis subscribes again by itself after a reconnect). */
  subscriber: Redis;
  channels: string[];
  relay: (event: Event) => void;
  /** After the events of a gap are relayed: tells the clients to read their other live state again. */
  resync: (awayMs: number) => void;
  log: (message: string, detail: Record<string, unknown>) => void;
}

export interface RelayCatchUp {
  /** An event relayed from the subscription. */
  relayed(event: Event): void;
  /** Settles when the catch-up after the last reconnect (if any) is done. */
  settled(): Promise<void>;
  close(): void;
}

/** A catch-up that failed (PostgreSQL away too) is tried again this much later. */
const RETRY_MS = 5000;

export async function startRelayCatchUp(ctx: RelayCatchUpContext): Promise<RelayCatchUp> {
  const { rows } = await ctx.db.query<{ seq: string | null }>('SELECT max(seq) AS seq FROM events');
  let lastSeq = Number(rows[0]?.seq ?? 0);
  let droppedAt: { seq: number; at: number } | null = null;
  let running: Promise<void> = Promise.resolve();
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const catchUp = (from: { seq: number; at: number }) => {
    running = running.then(async () => {
      if (closed) return;
      try {
        // Subscribed again before reading: what is announced from now on comes through the subscription.
        await ctx.subscriber.subscribe(...ctx.channels);
        const sent = await forEachEventAfter(
          ctx.db,
          { afterSeq: Math.max(0, from.seq - SEQ_MARGIN), types: [...EVENT_TYPES] },
          (event) => {
            lastSeq = Math.max(lastSeq, event.seq);
            ctx.relay(event);
          },
        );
        const awayMs = Date.now() - from.at;
        ctx.log('realtime relay caught up after Redis came back', { events: sent, awayMs });
        ctx.resync(awayMs);
      } catch (err) {
        ctx.log('realtime relay catch-up failed, trying again', { err: (err as Error).message });
        if (!closed) retry = setTimeout(() => catchUp(from), RETRY_MS);
      }
    });
  };

  ctx.subscriber.on('close', () => {
    droppedAt ??= { seq: lastSeq, at: Date.now() };
  });
  ctx.subscriber.on('ready', () => {
    if (!droppedAt) return;
    const from = droppedAt;
    droppedAt = null;
    catchUp(from);
  });

  return {
    relayed(event) {
      lastSeq = Math.max(lastSeq, event.seq);
    },
    settled: () => running,
    close() {
      closed = true;
      clearTimeout(retry);
    },
  };
}
