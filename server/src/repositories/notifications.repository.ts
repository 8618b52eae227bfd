// SQL for the notification log: every delivery attempt to a webhook or LINE target and its outcome.
import type { Queryable } from '../db/pool';
import type { EventType, NotificationLogEntry, NotificationTarget, NotificationTargetInput } from '../schemas';
import { isoRequired } from './row-mapping';

export async function insertNotification(db: Queryable, entry: Omit<NotificationLogEntry, 'id' | 'sentAt'>): Promise<void> {
  await db.query(
    `INSERT INTO notifications (event_id, channel, audience, target, ok, status, attempts, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.eventId, entry.channel, entry.audience, entry.target, entry.ok, entry.status, entry.attempts, entry.error],
  );
}

export async function listNotifications(db: Queryable, options: { eventId?: number; limit: number }): Promise<NotificationLogEntry[]> {
  const { rows } = await db.query<{
    id: number;
    event_id: number;
    channel: string;
    audience: string | null;
    target: string;
    ok: boolean;
    status: number | null;
    attempts: number;
    error: string | null;
    sent_at: Date;
  }>(
    `SELECT id, event_id, channel, audience, target, ok, status, attempts, error, sent_at FROM notifications
      WHERE event_id IS NOT NULL AND ($1::bigint IS NULL OR event_id = $1) ORDER BY sent_at DESC, id DESC LIMIT $2`,
    [options.eventId ?? null, options.limit],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    channel: r.channel,
    audience: r.audience,
    target: r.target,
    ok: r.ok,
    status: r.status,
    attempts: r.attempts,
    error: r.error,
    sentAt: isoRequired(r.sent_at),
  }));
}

interface TargetRow {
  id: number;
  channel: NotificationTarget['channel'];
  target: string;
  audience: string;
  district_th: string | null;
  // Only known types are accepted since the schema lists them; older rows were checked by length only.
  event_types: EventType[];
  enabled: boolean;
  station: string | null;
}

const toTarget = (r: TargetRow): NotificationTarget => ({
  id: r.id,
  channel: r.channel,
  target: r.target,
  audience: r.audience,
  districtTh: r.district_th,
  eventTypes: r.event_types,
  enabled: r.enabled,
  station: r.station,
});

/**
 * What the API shows of a stored target. A webhook URL's path and query often carry its token (LINE Notify, Slack,
 * Discord hooks), so it is write-only: only the scheme and host leave the server. A LINE id is an address, not a key.
 */
export function shownTarget(channel: string, target: string): string {
  if (channel !== 'webhook') return target;
  try {
    const url = new URL(target);
    return `${url.protocol}//${url.host}/…`;
  } catch {
    return '…';
  }
}

/** The stored row as the API may show it (see shownTarget); the workers read the full target with targetsFor. */
export const toShownTarget = (r: TargetRow): NotificationTarget => ({ ...toTarget(r), target: shownTarget(r.channel, r.target) });

export async function insertNotificationTarget(db: Queryable, input: NotificationTargetInput): Promise<NotificationTarget> {
  const { rows } = await db.query<TargetRow>(
    `INSERT INTO notification_targets (channel, target, audience, district_th, event_types, station)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (channel, target, audience) DO UPDATE SET district_th = EXCLUDED.district_th,
       event_types = EXCLUDED.event_types, station = EXCLUDED.station, enabled = true
     RETURNING id, channel, target, audience, district_th, event_types, enabled, station`,
    [input.channel, input.target, input.audience, input.districtTh ?? null, input.eventTypes, input.station ?? null],
  );
  return toShownTarget(rows[0]!);
}

export async function listNotificationTargets(db: Queryable): Promise<NotificationTarget[]> {
  const { rows } = await db.query<TargetRow>(
    'SELECT id, channel, target, audience, district_th, event_types, enabled, station FROM notification_targets ORDER BY id',
  );
  return rows.map(toShownTarget);
}

export async function deleteNotificationTarget(db: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM notification_targets WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

/** Targets for an event type: those for every district, and those for any of the given districts. */
export async function targetsFor(db: Queryable, eventType: string, districtsTh: string[]): Promise<NotificationTarget[]> {
  const { rows } = await db.query<TargetRow>(
    `SELECT id, channel, target, audience, district_th, event_types, enabled, station FROM notification_targets
      WHERE enabled AND $1 = ANY(event_types) AND (district_th IS NULL OR district_th = ANY($2::text[])) ORDER BY id`,
    [eventType, districtsTh],
  );
  return rows.map(toTarget);
}

/** A delivery of a footage request's notice, logged like an event's. */
export async function insertRequestNotification(
  db: Queryable,
  entry: Omit<NotificationLogEntry, 'id' | 'sentAt' | 'eventId'> & { requestId: number },
): Promise<void> {
  await db.query(
    `INSERT INTO notifications (footage_request_id, channel, audience, target, ok, status, attempts, error)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [entry.requestId, entry.channel, entry.audience, entry.target, entry.ok, entry.status, entry.attempts, entry.error],
  );
}

/** The enabled targets of a police station (they hear of its footage requests). */
export async function targetsForStation(db: Queryable, station: string): Promise<NotificationTarget[]> {
  const { rows } = await db.query<TargetRow>(
    `SELECT id, channel, target, audience, district_th, event_types, enabled, station FROM notification_targets
      WHERE enabled AND station = $1 ORDER BY id`,
    [station],
  );
  return rows.map(toTarget);
}
