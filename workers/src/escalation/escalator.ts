// Escalates alarms left unacknowledged past their type's time limit: raised in severity, told to the type's
// targets and the configured channels, written to the alarm's history and the audit log. Each alarm once.
import type pg from 'pg';
import { insertAudit } from '@toc/server/repositories/audit.repository';
import { insertEventUpdate } from '@toc/server/repositories/events.repository';
import { claimDueEscalations, type Escalated } from '@toc/server/repositories/escalations.repository';
import { placesWithin } from '@toc/server/repositories/places.repository';
import type { EventStore } from '@toc/server/services/event-store.service';
import { notifyEvent, type NotifierContext } from '../outputs/notifier';
import { escalationMessage } from './escalation-message';

export interface EscalatorContext {
  db: pg.Pool;
  events: EventStore;
  notifier: NotifierContext;
  /** The wall clock (ms), injected so tests and moved clocks agree with the alarms' own times. */
  now: () => number;
  log: NotifierContext['log'];
}

/** A district's own targets hear of an escalation in it: the district of the nearest place within this distance. */
const DISTRICT_SEARCH_M = 10_000;

/** The audit log's actor for what the system does on its own. */
const SYSTEM = { userId: null, username: 'system' };

async function escalate(ctx: EscalatorContext, { event, fromSeverity, afterMin }: Escalated): Promise<void> {
  const detail = { afterMin, fromSeverity, toSeverity: event.severity };
  await insertEventUpdate(ctx.db, { eventId: event.id, kind: 'escalated', detail });
  await insertAudit(ctx.db, { ...SYSTEM, action: 'event.escalate', target: `event:${event.id}`, detail: { type: event.type, ...detail } });
  await ctx.events.announce(event);
  const nearest = event.location ? (await placesWithin(ctx.db, event.location, DISTRICT_SEARCH_M))[0] : undefined;
  const districts = nearest?.districtTh ? [nearest.districtTh] : [];
  await notifyEvent(ctx.notifier, event, escalationMessage(event, afterMin), districts).catch((error: Error) =>
    ctx.log('error', 'escalation notification failed', { eventId: event.id, error: error.message }),
  );
}

/** One pass: claims what is due now and escalates it. Safe to run in every worker at once. */
export async function escalateDue(ctx: EscalatorContext): Promise<number> {
  const due = await claimDueEscalations(ctx.db, new Date(ctx.now()).toISOString());
  for (const item of due) await escalate(ctx, item);
  return due.length;
}

/** Runs `escalateDue` every `everyS` seconds until stopped. */
export function startEscalator(ctx: EscalatorContext, everyS: number): { stop: () => Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() => escalateDue(ctx)).catch((error: Error) => ctx.log('error', 'escalation pass failed', { error: error.message }));
  }, everyS * 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
