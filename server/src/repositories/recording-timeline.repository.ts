// SQL for playback: one camera's recorded spans, gaps, events and holds over a window, and the segments to play.
import type { Queryable } from '../db/pool';
import type { GapReason, RecordedSpan, RecordingGap, TimelineEvent } from '../schemas';
import { iso, isoRequired } from './row-mapping';

/**
 * A segment starts at most this long before any instant it shows (RECORDING_SEGMENT_S is at most 60 and the muxer
 * cuts at the next keyframe): every segment query is a range on (camera_id, started_at), never the camera's history.
 */
export const SEGMENT_LOOKBACK_MS = 120_000;
const LOOKBACK = `${SEGMENT_LOOKBACK_MS / 1000} seconds`;
/** A segment starting within this of the footage before it continues the span (keyframe cuts and clock jitter). */
const SPAN_JOIN_SECONDS = 1.5;
/** Events drawn on one timeline; more in a window is noise the timeline cannot show anyway. */
export const TIMELINE_EVENT_LIMIT = 500;
/** An event is looked for this far before the window (the camera/time index stays bounded); longer ones start there. */
const EVENT_LOOKBACK = '1 day';
const GAP_LIMIT = 2_000;

export interface Window {
  cameraId: number;
  from: Date;
  to: Date;
}

/** One indexed segment as playback needs it (path relative to RECORDINGS_DIR). */
export interface PlaybackSegment {
  id: number;
  cameraId: number;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  initBytes: number;
  path: string;
  sha256: string;
}

interface SegmentRow {
  id: number;
  camera_id: number;
  started_at: Date;
  ended_at: Date;
  bytes: number;
  init_bytes: number;
  path: string;
  sha256: string;
}

const SELECT_SEGMENT =
  'SELECT id, camera_id, started_at, ended_at, bytes, init_bytes, path, sha256 FROM recording_segments';

const toSegment = (row: SegmentRow): PlaybackSegment => ({
  id: row.id,
  cameraId: row.camera_id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  bytes: row.bytes,
  initBytes: row.init_bytes,
  path: row.path,
  sha256: row.sha256,
});

/**
 * Recorded spans overlapping the window, cut to it: adjacent segments merged (gaps and islands). A segment opens a
 * new span when it starts more than SPAN_JOIN_SECONDS after the latest end before it (the running maximum, so an
 * overlapping segment cannot split a span). Only columns of the camera/time index and ended_at and bytes are read, so
 * an index that includes those two can answer without the table. Both windows run over one ordering by start (a
 * camera's segments do not share a start: the start names the file).
 */
export async function listRecordedSpans(db: Queryable, window: Window): Promise<RecordedSpan[]> {
  const { rows } = await db.query<{ span_from: Date; span_to: Date; segments: number; bytes: number }>(
    `WITH overlapping AS (
       SELECT started_at, ended_at, bytes FROM recording_segments
        WHERE camera_id = $1 AND started_at >= $2::timestamptz - $4::interval AND started_at < $3 AND ended_at > $2
     ), marked AS (
       SELECT started_at, ended_at, bytes,
              CASE WHEN started_at <= max(ended_at) OVER (ORDER BY started_at ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                                      + make_interval(secs => $5)
                   THEN 0 ELSE 1 END AS opens
         FROM overlapping
     ), numbered AS (
       SELECT started_at, ended_at, bytes, sum(opens) OVER (ORDER BY started_at ROWS UNBOUNDED PRECEDING) AS span
         FROM marked
     )
     SELECT GREATEST(min(started_at), $2) AS span_from, LEAST(max(ended_at), $3) AS span_to,
            count(*)::int AS segments, sum(bytes)::bigint AS bytes
       FROM numbered GROUP BY span ORDER BY span`,
    [window.cameraId, window.from, window.to, LOOKBACK, SPAN_JOIN_SECONDS],
  );
  return rows.map((r) => ({
    from: isoRequired(r.span_from),
    to: isoRequired(r.span_to),
    segments: r.segments,
    bytes: r.bytes,
  }));
}

interface GapRow {
  id: number;
  camera_id: number;
  started_at: Date;
  ended_at: Date | null;
  reason: GapReason;
  detail: string | null;
}

const toGap = (row: GapRow): RecordingGap => ({
  id: row.id,
  cameraId: row.camera_id,
  from: isoRequired(row.started_at),
  to: iso(row.ended_at),
  reason: row.reason,
  detail: row.detail,
});

/**
 * Gaps overlapping the window: those that began in it, and those that began before and still run into it. Gaps do
 * not overlap one another, so the latter are among the last few begun before the window (a bounded backward scan,
 * however long the camera's history).
 */
export async function listGaps(db: Queryable, window: Window): Promise<RecordingGap[]> {
  const { rows } = await db.query<GapRow>(
    `SELECT id, camera_id, started_at, ended_at, reason, detail FROM (
       SELECT id, camera_id, started_at, ended_at, reason, detail FROM recording_gaps
        WHERE camera_id = $1 AND started_at >= $2 AND started_at < $3
       UNION ALL
       SELECT id, camera_id, started_at, ended_at, reason, detail FROM (
         SELECT id, camera_id, started_at, ended_at, reason, detail FROM recording_gaps
          WHERE camera_id = $1 AND started_at < $2 ORDER BY started_at DESC LIMIT 5
       ) earlier WHERE ended_at IS NULL OR ended_at > $2
     ) gaps ORDER BY started_at, id LIMIT $4`,
    [window.cameraId, window.from, window.to, GAP_LIMIT],
  );
  return rows.map(toGap);
}

/** The gap that holds an instant, if one was recorded (an open gap holds everything from its start). */
export async function findGapAt(db: Queryable, cameraId: number, at: Date): Promise<RecordingGap | null> {
  const { rows } = await db.query<GapRow>(
    `SELECT id, camera_id, started_at, ended_at, reason, detail FROM (
       SELECT id, camera_id, started_at, ended_at, reason, detail FROM recording_gaps
        WHERE camera_id = $1 AND started_at <= $2 ORDER BY started_at DESC LIMIT 5
     ) earlier WHERE ended_at IS NULL OR ended_at > $2 ORDER BY started_at DESC LIMIT 1`,
    [cameraId, at],
  );
  return rows[0] ? toGap(rows[0]) : null;
}

/** The camera's events overlapping the window (an event not yet ended is still going on), oldest first, capped. */
export async function listTimelineEvents(db: Queryable, window: Window): Promise<TimelineEvent[]> {
  const { rows } = await db.query<{
    id: number;
    type: string;
    severity: string;
    started_at: Date;
    ended_at: Date | null;
  }>(
    `SELECT id, type, severity, started_at, ended_at FROM events
      WHERE camera_id = $1 AND started_at < $3 AND started_at >= $2::timestamptz - $4::interval
        AND (ended_at IS NULL OR ended_at >= $2)
        -- Alarms only: a camera's periodic counts (every few seconds, severity info) would crowd them out.
        AND severity <> 'info'
      ORDER BY started_at, id LIMIT $5`,
    [window.cameraId, window.from, window.to, EVENT_LOOKBACK, TIMELINE_EVENT_LIMIT],
  );
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    severity: r.severity,
    startedAt: isoRequired(r.started_at),
    endedAt: iso(r.ended_at),
  }));
}

/** Evidence holds in force at `now` (not released, not expired) that overlap the window. */
export async function listActiveHolds(
  db: Queryable,
  window: Window,
  now: Date,
): Promise<{ id: number; from: string; to: string }[]> {
  const { rows } = await db.query<{ id: number; starts_at: Date; ends_at: Date }>(
    `SELECT id, starts_at, ends_at FROM evidence_holds
      WHERE camera_id = $1 AND starts_at < $3 AND ends_at > $2
        AND released_at IS NULL AND (expires_at IS NULL OR expires_at > $4)
      ORDER BY starts_at, id`,
    [window.cameraId, window.from, window.to, now],
  );
  return rows.map((r) => ({ id: r.id, from: isoRequired(r.starts_at), to: isoRequired(r.ends_at) }));
}

/** The segments overlapping the window, in recording order (a playlist's entries). */
export async function listWindowSegments(db: Queryable, window: Window): Promise<PlaybackSegment[]> {
  const { rows } = await db.query<SegmentRow>(
    `${SELECT_SEGMENT}
      WHERE camera_id = $1 AND started_at >= $2::timestamptz - $4::interval AND started_at < $3 AND ended_at > $2
      ORDER BY started_at, id`,
    [window.cameraId, window.from, window.to, LOOKBACK],
  );
  return rows.map(toSegment);
}

export async function findSegment(db: Queryable, id: number): Promise<PlaybackSegment | null> {
  const { rows } = await db.query<SegmentRow>(`${SELECT_SEGMENT} WHERE id = $1`, [id]);
  return rows[0] ? toSegment(rows[0]) : null;
}

/** The segment that shows an instant (the latest-starting one, should two overlap). */
export async function findSegmentAt(
  db: Queryable,
  cameraId: number,
  at: Date,
): Promise<PlaybackSegment | null> {
  const { rows } = await db.query<SegmentRow>(
    `${SELECT_SEGMENT}
      WHERE camera_id = $1 AND started_at <= $2 AND started_at >= $2::timestamptz - $3::interval AND ended_at > $2
      ORDER BY started_at DESC, id DESC LIMIT 1`,
    [cameraId, at, LOOKBACK],
  );
  return rows[0] ? toSegment(rows[0]) : null;
}

/** Where the camera's footage next begins at or after an instant (the reason a window has none). */
export async function nextFootageStart(db: Queryable, cameraId: number, after: Date): Promise<Date | null> {
  const { rows } = await db.query<{ started_at: Date }>(
    'SELECT started_at FROM recording_segments WHERE camera_id = $1 AND started_at >= $2 ORDER BY started_at LIMIT 1',
    [cameraId, after],
  );
  return rows[0]?.started_at ?? null;
}

/** A camera is known while its row exists, and after it was deleted for as long as footage of it is kept. */
export async function cameraKnown(db: Queryable, cameraId: number): Promise<boolean> {
  const { rows } = await db.query<{ known: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM cameras WHERE id = $1)
         OR EXISTS (SELECT 1 FROM recording_segments WHERE camera_id = $1) AS known`,
    [cameraId],
  );
  return rows[0]!.known;
}
