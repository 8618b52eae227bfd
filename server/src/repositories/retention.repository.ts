// SQL for retention: which recorded segments the cleaner deletes (past their camera's max days; the oldest beyond min
// days when space runs short; never any under an active evidence hold), and the volume's totals. Reads the index only.
import type pg from 'pg';
import type { Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';

/** Keep-at-least and keep-at-most days of a camera with no settings of its own (config.recording). */
export interface RetentionDefaults {
  minDays: number;
  maxDays: number;
}

export interface DeletedSegment {
  id: number;
  cameraId: number;
  /** Relative to RECORDINGS_DIR. */
  path: string;
  bytes: number;
}

/**
 * Serialises hold creation with deletion until the transaction ends. A delete plans under this lock and a hold is
 * inserted under it, so a delete sees every hold committed before it, and a hold never races a planned delete.
 */
export async function lockRetention(db: Queryable): Promise<void> {
  await db.query("SELECT pg_advisory_xact_lock(hashtextextended('toc:recording-retention', 0))");
}

/** Segment `s` overlaps no hold in force at `$<nowParam>` (not released, not expired). */
const notHeld = (nowParam: number) => `NOT EXISTS (
  SELECT 1 FROM evidence_holds h
   WHERE h.camera_id = s.camera_id AND h.released_at IS NULL AND (h.expires_at IS NULL OR h.expires_at > $${nowParam})
     AND h.starts_at < s.ended_at AND h.ends_at > s.started_at)`;

interface DeletedRow {
  id: number;
  camera_id: number;
  path: string;
  bytes: number;
}

const toDeleted = (row: DeletedRow): DeletedSegment => ({
  id: row.id,
  cameraId: row.camera_id,
  path: row.path,
  bytes: Number(row.bytes),
});

/** Runs one delete statement under the retention lock and commits it: the files go only after the rows are gone. */
async function deleteLocked(pool: pg.Pool, sql: string, values: unknown[]): Promise<DeletedSegment[]> {
  return withTransaction(pool, async (tx) => {
    await lockRetention(tx);
    const { rows } = await tx.query<DeletedRow>(sql, values);
    return rows.map(toDeleted);
  });
}

/** Deletes up to `limit` segments (oldest first) that ended more than their camera's max days before `now` and are not held. */
export function deleteExpiredSegments(
  pool: pg.Pool,
  options: { now: Date; defaults: RetentionDefaults; limit: number },
): Promise<DeletedSegment[]> {
  return deleteLocked(
    pool,
    `DELETE FROM recording_segments WHERE id IN (
       SELECT s.id FROM recording_segments s LEFT JOIN camera_recording r ON r.camera_id = s.camera_id
        WHERE s.ended_at < $1::timestamptz - COALESCE(r.max_days, $2::real) * interval '1 day'
          AND ${notHeld(1)}
        ORDER BY s.started_at, s.id
        LIMIT $3)
     RETURNING id, camera_id, path, bytes`,
    [options.now, options.defaults.maxDays, options.limit],
  );
}

/**
 * Deletes the oldest segments across all cameras that ended more than their camera's min days before `now` and are
 * not held, in start order, just enough of them to free `bytes` (looking at no more than `limit` at a time).
 */
export function deleteSegmentsForSpace(
  pool: pg.Pool,
  options: { now: Date; defaults: RetentionDefaults; bytes: number; limit: number },
): Promise<DeletedSegment[]> {
  return deleteLocked(
    pool,
    `WITH oldest AS (
       SELECT s.id, s.bytes, s.started_at FROM recording_segments s LEFT JOIN camera_recording r ON r.camera_id = s.camera_id
        WHERE s.ended_at < $1::timestamptz - COALESCE(r.min_days, $2::real) * interval '1 day'
          AND ${notHeld(1)}
        ORDER BY s.started_at, s.id
        LIMIT $4
     ), enough AS (
       SELECT id FROM (SELECT id, sum(bytes) OVER (ORDER BY started_at, id) - bytes AS freed_before FROM oldest) o
        WHERE freed_before < $3
     )
     DELETE FROM recording_segments s USING enough WHERE s.id = enough.id
     RETURNING s.id, s.camera_id, s.path, s.bytes`,
    [options.now, options.defaults.minDays, options.bytes, options.limit],
  );
}

export interface RecordingTotals {
  usedBytes: number;
  /** Bytes of segments under a hold in force. */
  heldBytes: number;
  /** Bytes of the segments indexed in the hour before `now`. */
  writeBytesPerHour: number;
  /** Footage retention may not delete now (held, or younger than its camera's min days) and once writing levels off. */
  protectedFootage: { nowBytes: number; steadyBytes: number };
}

export async function recordingTotals(
  db: Queryable,
  now: Date,
  defaultMinDays: number,
): Promise<RecordingTotals> {
  const { rows } = await db.query<{
    used: string;
    held: string;
    written: string;
    protected: string;
    steady_min_days: number;
  }>(
    `WITH per_camera AS (
       SELECT sum(s.bytes) AS used,
              sum(s.bytes) FILTER (WHERE NOT ${notHeld(1)}) AS held,
              sum(s.bytes) FILTER (WHERE s.indexed_at > $1::timestamptz - interval '1 hour') AS written,
              sum(s.bytes) FILTER (
                WHERE NOT ${notHeld(1)} OR s.ended_at >= $1::timestamptz - COALESCE(r.min_days, $2::real) * interval '1 day'
              ) AS protected,
              max(COALESCE(r.min_days, $2::real)) AS min_days
         FROM recording_segments s LEFT JOIN camera_recording r ON r.camera_id = s.camera_id
        GROUP BY s.camera_id)
     SELECT COALESCE(sum(used), 0)::bigint AS used, COALESCE(sum(held), 0)::bigint AS held,
            COALESCE(sum(written), 0)::bigint AS written, COALESCE(sum(protected), 0)::bigint AS protected,
            COALESCE(sum(COALESCE(written, 0) * 24 * min_days), 0)::float8 AS steady_min_days
       FROM per_camera`,
    [now, defaultMinDays],
  );
  const row = rows[0]!;
  const held = Number(row.held);
  return {
    usedBytes: Number(row.used),
    heldBytes: held,
    writeBytesPerHour: Number(row.written),
    protectedFootage: { nowBytes: Number(row.protected), steadyBytes: row.steady_min_days + held },
  };
}
