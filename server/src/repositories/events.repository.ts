// SQL for events: insert, query by place/time/type/status, resume by seq, operator actions.
import type { Event, EventQuery, EventStatus, EventUpdate, NewEvent } from '../schemas';
import type { Queryable } from '../db/pool';
import { iso, isoRequired } from './row-mapping';

interface EventRow {
  id: number;
  seq: number;
  type: Event['type'];
  severity: Event['severity'];
  status: EventStatus;
  lon: number | null;
  lat: number | null;
  camera_id: number | null;
  started_at: Date;
  updated_at: Date;
  ended_at: Date | null;
  confidence: number | null;
  model_id: string | null;
  payload: Record<string, unknown>;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  note: string | null;
  occurrences: number;
  last_raised_at: Date;
  escalated_at: Date | null;
  assigned_to: string | null;
  assigned_at: Date | null;
}

/** Severity as a rank in SQL (info lowest), to keep the higher of two; `expr` is a column or a placeholder. */
export const severityRank = (expr: string) =>
  `array_position(ARRAY['info', 'low', 'medium', 'high', 'critical']::text[], ${expr}::text)`;

const SELECT_EVENT = `SELECT e.id, e.seq, e.type, e.severity, e.status, ST_X(e.location) AS lon, ST_Y(e.location) AS lat,
  e.camera_id, e.started_at, e.updated_at, e.ended_at, e.confidence, e.model_id, e.payload,
  ua.username AS acknowledged_by, e.acknowledged_at, ur.username AS resolved_by, e.resolved_at, e.note,
  e.occurrences, e.last_raised_at, e.escalated_at, uas.username AS assigned_to, e.assigned_at
  FROM events e LEFT JOIN users ua ON ua.id = e.acknowledged_by LEFT JOIN users ur ON ur.id = e.resolved_by
  LEFT JOIN users uas ON uas.id = e.assigned_to`;

const toEvent = (row: EventRow): Event => ({
  id: row.id,
  seq: row.seq,
  type: row.type,
  severity: row.severity,
  status: row.status,
  location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
  cameraId: row.camera_id,
  startedAt: isoRequired(row.started_at),
  updatedAt: isoRequired(row.updated_at),
  endedAt: iso(row.ended_at),
  confidence: row.confidence,
  modelId: row.model_id,
  payload: row.payload,
  acknowledgedBy: row.acknowledged_by,
  acknowledgedAt: iso(row.acknowledged_at),
  resolvedBy: row.resolved_by,
  resolvedAt: iso(row.resolved_at),
  note: row.note,
  occurrences: row.occurrences,
  lastRaisedAt: isoRequired(row.last_raised_at),
  escalatedAt: iso(row.escalated_at),
  assignedTo: row.assigned_to,
  assignedAt: iso(row.assigned_at),
});

export async function findEvent(db: Queryable, id: number): Promise<Event | null> {
  const { rows } = await db.query<EventRow>(`${SELECT_EVENT} WHERE e.id = $1`, [id]);
  return rows[0] ? toEvent(rows[0]) : null;
}

/** `foldKey` marks what counts as the same alarm again (see `foldIntoAlarm`). */
export async function insertEvent(
  db: Queryable,
  event: NewEvent,
  foldKey: string | null = null,
): Promise<Event> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO events (type, severity, location, camera_id, started_at, ended_at, confidence, model_id, payload,
                        fold_key, last_raised_at)
     VALUES ($1, $2, CASE WHEN $3::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($3, $4), 4326) END,
             $5, $6, $7, $8, $9, $10, $11, $6)
     RETURNING id`,
    [
      event.type,
      event.severity,
      event.location?.lon ?? null,
      event.location?.lat ?? null,
      event.cameraId,
      event.startedAt,
      event.endedAt ?? null,
      event.confidence,
      event.modelId,
      JSON.stringify(event.payload),
      foldKey,
    ],
  );
  return (await findEvent(db, rows[0]!.id))!;
}

/**
 * Folds a repeat trigger into the newest alarm with the same fold key that is still open or acknowledged and
 * has not been over since before `sinceIso`: one more occurrence, raised again now, not over, the higher of the
 * two severities, the new confidence, payload and place. A repeat more severe than an acknowledged alarm puts
 * it back in front of the operators. Returns null when there is no such alarm. Call it inside a transaction
 * holding `lockFoldKey`, so two raises of the same key cannot both open an alarm.
 */
export async function foldIntoAlarm(
  db: Queryable,
  fold: { foldKey: string; sinceIso: string; event: NewEvent },
): Promise<Event | null> {
  const { event } = fold;
  const { rows } = await db.query<{ id: number }>(
    `WITH target AS (
       SELECT id FROM events
        WHERE fold_key = $1 AND status IN ('open', 'acknowledged') AND (ended_at IS NULL OR ended_at >= $2)
        ORDER BY id DESC LIMIT 1
     )
     UPDATE events e SET
       seq = nextval('event_seq'),
       updated_at = now(),
       occurrences = e.occurrences + 1,
       last_raised_at = $3,
       ended_at = NULL,
       status = CASE WHEN e.status = 'acknowledged' AND ${severityRank('$4')} > ${severityRank('e.severity')}
                     THEN 'open' ELSE e.status END,
       severity = CASE WHEN ${severityRank('$4')} > ${severityRank('e.severity')} THEN $4 ELSE e.severity END,
       confidence = COALESCE($5, e.confidence),
       payload = $6::jsonb,
       location = COALESCE(ST_SetSRID(ST_MakePoint($7, $8), 4326), e.location)
     FROM target WHERE e.id = target.id
     RETURNING e.id`,
    [
      fold.foldKey,
      fold.sinceIso,
      event.startedAt,
      event.severity,
      event.confidence,
      JSON.stringify(event.payload),
      event.location?.lon ?? null,
      event.location?.lat ?? null,
    ],
  );
  return rows[0] ? findEvent(db, rows[0].id) : null;
}

/** Serialises raises of one fold key until the transaction ends. */
export async function lockFoldKey(db: Queryable, foldKey: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [foldKey]);
}

/** Builds the WHERE clause from a query; values are always bound parameters. */
function eventFilter(query: EventQuery): { where: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (query.bbox) {
    const [minLon, minLat, maxLon, maxLat] = query.bbox.split(',').map(Number);
    clauses.push(
      `e.location && ST_MakeEnvelope(${bind(minLon)}, ${bind(minLat)}, ${bind(maxLon)}, ${bind(maxLat)}, 4326)`,
    );
  }
  if (query.from) clauses.push(`e.started_at >= ${bind(query.from)}`);
  if (query.to) clauses.push(`e.started_at < ${bind(query.to)}`);
  if (query.type?.length) clauses.push(`e.type = ANY(${bind(query.type)})`);
  if (query.status?.length) clauses.push(`e.status = ANY(${bind(query.status)})`);
  if (query.cameraId) clauses.push(`e.camera_id = ${bind(query.cameraId)}`);
  if (query.afterSeq !== undefined) clauses.push(`e.seq > ${bind(query.afterSeq)}`);
  return { where: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', values };
}

export async function queryEvents(
  db: Queryable,
  query: EventQuery,
): Promise<{ items: Event[]; total: number }> {
  const { where, values } = eventFilter(query);
  // Resuming wants changes in the order they happened; browsing wants the newest first.
  const order = query.afterSeq !== undefined ? 'e.seq ASC' : 'e.started_at DESC, e.id DESC';
  const limit = `LIMIT $${values.length + 1} OFFSET $${values.length + 2}`;
  const [page, count] = await Promise.all([
    db.query<EventRow>(`${SELECT_EVENT}${where} ORDER BY ${order} ${limit}`, [
      ...values,
      query.limit,
      query.offset,
    ]),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM events e${where}`, values),
  ]);
  return { items: page.rows.map(toEvent), total: count.rows[0]!.total };
}

export async function setEventStatus(
  db: Queryable,
  change: { id: number; status: EventStatus; userId: number; note: string | null },
): Promise<Event | null> {
  const acknowledging = change.status === 'acknowledged';
  const { rowCount } = await db.query(
    `UPDATE events SET
       status = $2,
       seq = nextval('event_seq'),
       updated_at = now(),
       acknowledged_by = CASE WHEN $3 THEN $4 ELSE COALESCE(acknowledged_by, $4) END,
       acknowledged_at = CASE WHEN $3 THEN now() ELSE COALESCE(acknowledged_at, now()) END,
       resolved_by = CASE WHEN $3 THEN resolved_by ELSE $4 END,
       resolved_at = CASE WHEN $3 THEN resolved_at ELSE now() END,
       ended_at = CASE WHEN $3 THEN ended_at ELSE COALESCE(ended_at, now()) END,
       note = COALESCE($5, note)
     WHERE id = $1`,
    [change.id, change.status, acknowledging, change.userId, change.note],
  );
  return rowCount ? findEvent(db, change.id) : null;
}

/** Sets (or with null clears) who has the alarm in hand; takes a new seq so every screen follows. */
export async function setEventAssignee(
  db: Queryable,
  id: number,
  userId: number | null,
): Promise<Event | null> {
  const { rowCount } = await db.query(
    `UPDATE events SET assigned_to = $2, assigned_at = CASE WHEN $2::int IS NULL THEN NULL ELSE now() END,
       seq = nextval('event_seq'), updated_at = now()
     WHERE id = $1`,
    [id, userId],
  );
  return rowCount ? findEvent(db, id) : null;
}

/**
 * The pipeline puts an acknowledged or resolved event back in front of the operators (e.g. a herd now
 * threatening new places). A false alarm stays closed: someone judged it, and new evidence opens a new event.
 */
export async function reopenDetectedEvent(db: Queryable, id: number): Promise<Event | null> {
  const { rowCount } = await db.query(
    `UPDATE events SET
       status = 'open',
       seq = nextval('event_seq'),
       updated_at = now(),
       ended_at = NULL
     WHERE id = $1 AND status IN ('acknowledged', 'resolved')`,
    [id],
  );
  return rowCount ? findEvent(db, id) : null;
}

/** A pipeline update to an open incident: new severity, confidence, payload, position or end; takes a new seq. */
export async function updateDetectedEvent(
  db: Queryable,
  id: number,
  change: {
    severity?: Event['severity'];
    confidence?: number | null;
    payload?: Record<string, unknown>;
    endedAt?: string | null;
    location?: Event['location'];
  },
): Promise<Event | null> {
  const { rowCount } = await db.query(
    `UPDATE events SET
       seq = nextval('event_seq'),
       updated_at = now(),
       severity = COALESCE($2, severity),
       confidence = COALESCE($3, confidence),
       payload = COALESCE($4::jsonb, payload),
       ended_at = CASE WHEN $5::boolean THEN $6::timestamptz ELSE ended_at END,
       location = COALESCE(ST_SetSRID(ST_MakePoint($7, $8), 4326), location)
     WHERE id = $1`,
    [
      id,
      change.severity ?? null,
      change.confidence ?? null,
      change.payload ? JSON.stringify(change.payload) : null,
      change.endedAt !== undefined,
      change.endedAt ?? null,
      change.location?.lon ?? null,
      change.location?.lat ?? null,
    ],
  );
  return rowCount ? findEvent(db, id) : null;
}

/** The alarm types a camera's analytics raise and end (not its vehicle counts, which are closed intervals). */
const CAMERA_ALARM_TYPES = [
  'traffic.accident',
  'traffic.incident',
  'traffic.congestion',
  'crowd.alert',
  'elephant.sighting',
  'elephant.warning',
];

/**
 * Ends a camera's alarms that are still running although nothing tracks them (the camera's worker stopped
 * without ending them), at their last raise or change (an upper bound when an operator acted since), with an 'ended' entry saying why. Returns them.
 */
export async function endLeftoverDetections(db: Queryable, cameraId: number): Promise<Event[]> {
  const { rows } = await db.query<{ id: number }>(
    `WITH ended AS (
       UPDATE events SET seq = nextval('event_seq'), updated_at = now(), ended_at = GREATEST(last_raised_at, updated_at)
        WHERE camera_id = $1 AND ended_at IS NULL AND type = ANY($2::text[])
        RETURNING id
     ), noted AS (
       INSERT INTO event_updates (event_id, kind, detail)
       SELECT id, 'ended', '{"reason": "camera_restarted"}'::jsonb FROM ended
     )
     SELECT id FROM ended ORDER BY id`,
    [cameraId, CAMERA_ALARM_TYPES],
  );
  const events = await Promise.all(rows.map((r) => findEvent(db, r.id)));
  return events.filter((e): e is Event => e !== null);
}

export async function insertEventUpdate(
  db: Queryable,
  update: { eventId: number; kind: string; userId?: number | null; detail?: Record<string, unknown> },
): Promise<void> {
  await db.query('INSERT INTO event_updates (event_id, kind, user_id, detail) VALUES ($1, $2, $3, $4)', [
    update.eventId,
    update.kind,
    update.userId ?? null,
    JSON.stringify(update.detail ?? {}),
  ]);
}

export async function listEventUpdates(db: Queryable, eventId: number): Promise<EventUpdate[]> {
  const { rows } = await db.query<{
    id: number;
    event_id: number;
    at: Date;
    kind: string;
    username: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT u.id, u.event_id, u.at, u.kind, us.username, u.detail
       FROM event_updates u LEFT JOIN users us ON us.id = u.user_id WHERE u.event_id = $1 ORDER BY u.at, u.id`,
    [eventId],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    at: isoRequired(r.at),
    kind: r.kind,
    username: r.username,
    detail: r.detail,
  }));
}

/** The newest elephant sighting from a camera trap still within its episode, so a burst of stills is one event. */
export async function findRecentTrapSighting(
  db: Queryable,
  trapId: number,
  sinceIso: string,
): Promise<Event | null> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM events WHERE type = 'elephant.sighting' AND payload->>'trapId' = $1::text AND updated_at >= $2
        AND status <> 'false_alarm'
      ORDER BY id DESC LIMIT 1`,
    [trapId, sinceIso],
  );
  return rows[0] ? findEvent(db, rows[0].id) : null;
}

export async function findWarningForSighting(db: Queryable, sightingId: number): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM events WHERE type = 'elephant.warning' AND payload->>'sightingEventId' = $1::text ORDER BY id DESC LIMIT 1`,
    [sightingId],
  );
  return rows[0]?.id ?? null;
}

/** The alarms of one type still going on (not ended, not resolved), oldest first. */
export async function listRunningAlarms(db: Queryable, type: Event['type']): Promise<Event[]> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM events WHERE type = $1 AND ended_at IS NULL AND status IN ('open', 'acknowledged') ORDER BY id`,
    [type],
  );
  const events = await Promise.all(rows.map((r) => findEvent(db, r.id)));
  return events.filter((e): e is Event => e !== null);
}

/** The newest alarm under a fold key that is still going on (not ended, not resolved), if any. */
export async function findRunningAlarm(db: Queryable, foldKey: string): Promise<Event | null> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM events WHERE fold_key = $1 AND ended_at IS NULL AND status IN ('open', 'acknowledged') ORDER BY id DESC LIMIT 1`,
    [foldKey],
  );
  return rows[0] ? findEvent(db, rows[0].id) : null;
}
