// Alarms about a lasting condition rather than an incident (the recordings volume missing, space running low, cameras
// paused): raised once while it holds, raised again only when what it says changes, ended when it clears.
import {
  findRunningAlarm,
  insertEventUpdate,
  updateDetectedEvent,
} from '@toc/server/repositories/events.repository';
import type { Queryable } from '@toc/server/db/pool';
import type { Event, NewEvent } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';

export interface ConditionAlarmContext {
  db: Queryable;
  events: EventStore;
}

/**
 * The condition holds. `event.payload.condition` says what it is (a reason, the cameras paused): the same as the
 * running alarm's, nothing is raised (a check every minute must not count a repeat every minute); different, the
 * raise folds into that alarm with the new payload and one more occurrence; no running alarm, a new one opens.
 */
export async function conditionHolds(
  ctx: ConditionAlarmContext,
  event: NewEvent & { payload: { condition: string } },
  foldKey: string,
): Promise<Event> {
  const running = await findRunningAlarm(ctx.db, foldKey);
  if (running && running.payload.condition === event.payload.condition) return running;
  return (await ctx.events.raise(event, foldKey)).event;
}

/** The condition is over: its running alarm ends at `atIso`, with `detail` (e.g. a reason) on its 'ended' entry. */
export async function conditionCleared(
  ctx: ConditionAlarmContext,
  foldKey: string,
  atIso: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  const running = await findRunningAlarm(ctx.db, foldKey);
  if (!running) return;
  const ended = await updateDetectedEvent(ctx.db, running.id, { endedAt: atIso });
  if (!ended) return;
  await insertEventUpdate(ctx.db, { eventId: ended.id, kind: 'ended', detail });
  await ctx.events.announce(ended);
}
