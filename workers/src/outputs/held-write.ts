// A camera's database writes as data, so that the write journal can hold them through an outage, spill them to disk
// and hand them to the camera's next owner; one function writes any of them.
import type { Queryable } from '@toc/server/db/pool';
import type { NewEvent } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';
import { storeOutage, type StoreEndpoint } from '@toc/server/lib/store-outage';
import type { IncidentAction } from '../rules/incident-book';
import type { CrowdSample } from '../rules/crowd.rule';
import type { LineCount } from '../rules/line-counter';
import type { FrameForSnapshot } from './event-snapshots';
import type { IncidentWriter } from './incident-writer';
import { writeSeries } from './series-writer';

/**
 * `writer` names the camera run that made an incident write: rule keys mean something only within one run's
 * IncidentWriter (which open alarm an 'update' or 'end' is about), so a replay applies them through that run's own.
 */
export type HeldWrite =
  | { kind: 'incident'; writer: string; action: IncidentAction; shot: FrameForSnapshot }
  | { kind: 'series'; crowd: CrowdSample[]; lines: LineCount[] }
  | { kind: 'vehicle-count'; event: NewEvent }
  | { kind: 'incidents-end'; writer: string; at: number }
  | { kind: 'leftovers-close'; writer: string };

export interface HeldWriteContext {
  db: Queryable;
  events: EventStore;
  cameraId: number;
  /** The IncidentWriter of the run named, made fresh for a run this process has not seen (a previous owner). */
  incidents: (writer: string) => IncidentWriter;
}

/** What a log line calls the write. */
export function describeHeldWrite(write: HeldWrite): string {
  switch (write.kind) {
    case 'incident':
      return `incident ${write.action.action}`;
    case 'series':
      return 'series write';
    case 'vehicle-count':
      return 'vehicle count write';
    case 'incidents-end':
      return 'incidents end';
    case 'leftovers-close':
      return 'leftover alarms close';
  }
}

/** Writes it; a failure is thrown, for the journal to hold it (database away) or give it up. */
export async function applyHeldWrite(write: HeldWrite, ctx: HeldWriteContext): Promise<void> {
  switch (write.kind) {
    case 'incident':
      return ctx.incidents(write.writer).applyAction(write.action, write.shot);
    case 'series':
      return writeSeries(ctx.db, ctx.cameraId, write.crowd, write.lines);
    case 'vehicle-count':
      await ctx.events.record(write.event);
      return;
    case 'incidents-end':
      return ctx.incidents(write.writer).endAll(write.at);
    case 'leftovers-close':
      return ctx.incidents(write.writer).closeLeftovers();
  }
}

/**
 * A failure that says PostgreSQL is away, so the write is held rather than given up: what the API takes for one, and
 * a connection reset under a query, which node-postgres passes on as the bare socket error with no address to tell
 * its store by (a restarting server drops every open connection so). A held write meets no other socket that fails
 * that way: ioredis retries its commands itself and notifications report their failures.
 */
export function isDatabaseOutage(error: unknown, stores: readonly StoreEndpoint[]): boolean {
  if (storeOutage(error, stores) === 'database') return true;
  const { code, port } = (error ?? {}) as { code?: unknown; port?: unknown };
  return error instanceof Error && (code === 'ECONNRESET' || code === 'EPIPE') && port === undefined;
}

/** Whether an incident action may draw snapshots (it raises an alarm), so its write must keep the picture. */
export const drawsSnapshot = (action: IncidentAction): boolean =>
  action.action === 'open' || (action.action === 'update' && action.reopened);
