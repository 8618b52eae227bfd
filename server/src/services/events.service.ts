// Operator actions on events: the allowed status transitions, audit, and the realtime update.
import type { Queryable } from '../db/pool';
import { findEvent, insertEventUpdate, setEventStatus } from '../repositories/events.repository';
import { insertAudit } from '../repositories/audit.repository';
import { HttpError, notFound } from '../lib/http-error';
import type { Event, EventStatus, User } from '../schemas';
import type { EventStore } from './event-store.service';

const ALLOWED: Record<EventStatus, readonly EventStatus[]> = {
  open: ['acknowledged', 'resolved', 'false_alarm'],
  acknowledged: ['resolved', 'false_alarm'],
  resolved: [],
  false_alarm: [],
};

export interface EventActionContext {
  db: Queryable;
  store: EventStore;
  user: User;
  ip: string | null;
}

export async function changeEventStatus(
  ctx: EventActionContext,
  id: number,
  status: EventStatus,
  note: string | null,
): Promise<Event> {
  const current = await findEvent(ctx.db, id);
  if (!current) throw notFound(`Event ${id}`, `เหตุการณ์ ${id}`);
  if (!ALLOWED[current.status].includes(status)) {
    throw new HttpError(
      409,
      `Event ${id} is ${current.status} and cannot become ${status}`,
      `เหตุการณ์ ${id} อยู่ในสถานะ ${current.status} จึงเปลี่ยนเป็น ${status} ไม่ได้`,
    );
  }
  const updated = await setEventStatus(ctx.db, { id, status, userId: ctx.user.id, note });
  if (!updated) throw notFound(`Event ${id}`, `เหตุการณ์ ${id}`);
  await insertAudit(ctx.db, {
    userId: ctx.user.id,
    username: ctx.user.username,
    action: `event.${status}`,
    target: `event:${id}`,
    detail: { from: current.status, note },
    ip: ctx.ip,
  });
  await insertEventUpdate(ctx.db, { eventId: id, kind: status, userId: ctx.user.id, detail: { from: current.status, note } });
  await ctx.store.announce(updated);
  return updated;
}
