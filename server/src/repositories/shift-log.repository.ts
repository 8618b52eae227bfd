// SQL for the shift log: entries are only ever inserted and read (the table refuses changes, migration 018).
import type { Queryable } from '../db/pool';
import type { ShiftLogEntry, ShiftLogInput } from '../schemas';
import { isoRequired } from './row-mapping';

interface EntryRow {
  id: number;
  at: Date;
  kind: ShiftLogEntry['kind'];
  body: string;
  event_id: number | null;
  user_id: number;
  username: string;
  display_name: string;
}

const SELECT_ENTRY = `SELECT s.id, s.at, s.kind, s.body, s.event_id, s.user_id, u.username, u.display_name
  FROM shift_log s JOIN users u ON u.id = s.user_id`;

const toEntry = (row: EntryRow): ShiftLogEntry => ({
  id: row.id,
  at: isoRequired(row.at),
  kind: row.kind,
  body: row.body,
  eventId: row.event_id,
  userId: row.user_id,
  username: row.username,
  displayName: row.display_name,
});

/**
 * Adds an entry by `userId`; null when it names an alarm that does not exist (checked in the same statement, so the
 * caller answers 4xx rather than the foreign key failing as a 500).
 */
export async function insertShiftLogEntry(
  db: Queryable,
  userId: number,
  input: ShiftLogInput,
): Promise<ShiftLogEntry | null> {
  const { rows } = await db.query<EntryRow>(
    `WITH added AS (
       INSERT INTO shift_log (user_id, kind, body, event_id)
       SELECT $1::int, $2::text, $3::text, $4::bigint
        WHERE $4::bigint IS NULL OR EXISTS (SELECT 1 FROM events WHERE id = $4::bigint)
       RETURNING id, at, kind, body, event_id, user_id
     )
     SELECT a.id, a.at, a.kind, a.body, a.event_id, a.user_id, u.username, u.display_name
       FROM added a JOIN users u ON u.id = a.user_id`,
    [userId, input.kind, input.body, input.eventId ?? null],
  );
  return rows[0] ? toEntry(rows[0]) : null;
}

export interface ShiftLogFilter {
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** Entries with `from <= at < to` (either bound optional), newest first, one page, and how many match in all. */
export async function listShiftLog(
  db: Queryable,
  filter: ShiftLogFilter,
): Promise<{ items: ShiftLogEntry[]; total: number }> {
  const where = `WHERE ($1::timestamptz IS NULL OR s.at >= $1) AND ($2::timestamptz IS NULL OR s.at < $2)`;
  const bounds = [filter.from ?? null, filter.to ?? null];
  const [page, count] = await Promise.all([
    db.query<EntryRow>(`${SELECT_ENTRY} ${where} ORDER BY s.at DESC, s.id DESC LIMIT $3 OFFSET $4`, [
      ...bounds,
      filter.limit,
      filter.offset,
    ]),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM shift_log s ${where}`, bounds),
  ]);
  return { items: page.rows.map(toEntry), total: count.rows[0]!.total };
}
