// Operator actions on events: the allowed status transitions, taking an alarm in hand, audit, and the realtime update.
import type { Queryable } from '../db/pool';
import { findEvent, insertEventUpdate, setEventAssignee, setEventStatus } from '../repositories/events.repository';
import { insertAudit } from '../repositories/audit.repository';
import { snapUnsnappedCrashes, syncCameraCrash } from '../repositories/crashes.repository';
import { SNAP_DISTANCE_M } from '../crashes/snap-distance';
import { HttpError, notFound } from '../lib/http-error';
import type { CrashesChangedMessage, Event, EventStatus, User } from '../schemas';
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
  /** Tells the live crash layer's readers that a camera crash came or went (see realtime/crashes-live). */
  announceCrashes: (message: CrashesChangedMessage) => Promise<void>;
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
  // A confirmed camera accident joins the planners' crash store; a false alarm leaves it.
  const crashChanged = await syncCameraCrash(ctx.db, id);
  await snapUnsnappedCrashes(ctx.db, SNAP_DISTANCE_M);
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
  if (crashChanged) await ctx.announceCrashes({ reason: 'camera', eventId: id });
  return updated;
}

/**
 * "Assign to me" (`take` true) or release (`take` false) an alarm still in hand (open or acknowledged). Taking an
 * alarm another operator holds moves it to the caller: shifts change, and the audit and history say who had it.
 */
export async function changeEventAssignee(ctx: EventActionContext, id: number, take: boolean): Promise<Event> {
  const current = await findEvent(ctx.db, id);
  if (!current) throw notFound(`Event ${id}`, `เหตุการณ์ ${id}`);
  if (current.status !== 'open' && current.status !== 'acknowledged') {
    throw new HttpError(409, `Event ${id} is ${current.status}: only an alarm in hand can be assigned`, `เหตุการณ์ ${id} ปิดแล้ว จึงมอบหมายไม่ได้`);
  }
  if (!take && current.assignedTo !== ctx.user.username) {
    throw new HttpError(409, `Event ${id} is not assigned to you`, `เหตุการณ์ ${id} ไม่ได้มอบหมายให้คุณ`);
  }
  const updated = await setEventAssignee(ctx.db, id, take ? ctx.user.id : null);
  if (!updated) throw notFound(`Event ${id}`, `เหตุการณ์ ${id}`);
  const detail = { from: current.assignedTo, to: take ? ctx.user.username : null };
  await insertAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: take ? 'event.assign' : 'event.release', target: `event:${id}`, detail, ip: ctx.ip });
  await insertEventUpdate(ctx.db, { eventId: id, kind: take ? 'assigned' : 'released', userId: ctx.user.id, detail });
  await ctx.store.announce(updated);
  return updated;
}
