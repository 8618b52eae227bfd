// SQL for recording health per camera, one statement per family of figures: what each camera's footage holds, its
// gaps since an instant, and what its recording worker last reported.
import type { Queryable } from '../db/pool';

export interface FootageFigures {
  lastSegmentAt: Date;
  oldestAt: Date;
  bytes: number;
  /** Bytes and seconds of footage in the last hour the camera recorded (before its last segment's end). */
  recentBytes: number;
  recentSeconds: number;
}

export async function footageByCamera(db: Queryable): Promise<Map<number, FootageFigures>> {
  const { rows } = await db.query<{
    camera_id: number;
    last_at: Date;
    oldest_at: Date;
    bytes: number;
    recent_bytes: number;
    recent_seconds: number;
  }>(
    `WITH per AS (
       SELECT camera_id, max(ended_at) AS last_at, min(started_at) AS oldest_at, sum(bytes)::bigint AS bytes
         FROM recording_segments GROUP BY camera_id
     )
     SELECT per.camera_id, per.last_at, per.oldest_at, per.bytes, recent.bytes AS recent_bytes, recent.seconds AS recent_seconds
       FROM per CROSS JOIN LATERAL (
         SELECT COALESCE(sum(s.bytes), 0)::bigint AS bytes,
                COALESCE(sum(extract(epoch FROM s.ended_at - s.started_at)), 0)::float8 AS seconds
           FROM recording_segments s
          WHERE s.camera_id = per.camera_id AND s.started_at >= per.last_at - interval '1 hour'
       ) recent`,
  );
  return new Map(
    rows.map((r) => [
      r.camera_id,
      {
        lastSegmentAt: r.last_at,
        oldestAt: r.oldest_at,
        bytes: r.bytes,
        recentBytes: r.recent_bytes,
        recentSeconds: r.recent_seconds,
      },
    ]),
  );
}

/** Gaps per camera that began at or after `since`. */
export async function gapCountsSince(db: Queryable, since: Date): Promise<Map<number, number>> {
  const { rows } = await db.query<{ camera_id: number; gaps: number }>(
    'SELECT camera_id, count(*)::int AS gaps FROM recording_gaps WHERE started_at >= $1 GROUP BY camera_id',
    [since],
  );
  return new Map(rows.map((r) => [r.camera_id, r.gaps]));
}

/** The `recording` part of each camera's health report, as the worker sent it (not checked here). */
export async function workerRecordingReports(db: Queryable): Promise<Map<number, unknown>> {
  const { rows } = await db.query<{ id: number; recording: unknown }>(
    "SELECT id, health->'recording' AS recording FROM cameras WHERE health ? 'recording'",
  );
  return new Map(rows.map((r) => [r.id, r.recording]));
}
