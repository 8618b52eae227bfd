// Writes the footage index: closed segments, and the gaps between them with their reason.
import type pg from 'pg';
import type { Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import type { GapReason } from '../schemas';

export interface SegmentRow {
  cameraId: number;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  /** Relative to RECORDINGS_DIR. */
  path: string;
  sha256: string;
  codec: string;
  width: number;
  height: number;
  initBytes: number;
  workerId: string;
  clockSource: string;
  interrupted: boolean;
}

/**
 * A hole longer than this between a camera's footage and its next segment, with no gap recorded for it, is footage
 * lost without a word: the worker that recorded it died (a stop or an outage records its own gap first).
 */
export const UNEXPLAINED_HOLE_MS = 2_000;

/** Per-camera lock key space for index writes (any 32-bit class id unlikely to clash with others in the app). */
const INDEX_LOCK_CLASS = 0x5245_4331; // "REC1"

/**
 * Indexes one closed segment. Idempotent on its path (a restart re-indexes what a crash left unindexed). Ends the
 * camera's open gap at the segment's start; a hole no gap explains becomes a `worker_died` gap.
 * Returns false when the segment was already indexed.
 */
export async function indexSegment(pool: pg.Pool, row: SegmentRow): Promise<boolean> {
  return withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [INDEX_LOCK_CLASS, row.cameraId]);
    const inserted = await client.query(
      `INSERT INTO recording_segments
         (camera_id, started_at, ended_at, bytes, path, sha256, codec, width, height, init_bytes, worker_id, clock_source, interrupted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (path) DO NOTHING`,
      [
        row.cameraId,
        row.startedAt,
        row.endedAt,
        row.bytes,
        row.path,
        row.sha256,
        row.codec,
        row.width,
        row.height,
        row.initBytes,
        row.workerId,
        row.clockSource,
        row.interrupted,
      ],
    );
    if (inserted.rowCount === 0) return false;
    const closed = await client.query(
      `UPDATE recording_gaps SET ended_at = GREATEST(started_at, $2::timestamptz)
        WHERE camera_id = $1 AND ended_at IS NULL`,
      [row.cameraId, row.startedAt],
    );
    if (closed.rowCount === 0) await recordUnexplainedHole(client, row);
    return true;
  });
}

async function recordUnexplainedHole(client: pg.PoolClient, row: SegmentRow): Promise<void> {
  const { rows } = await client.query<{ ended_at: Date }>(
    `SELECT ended_at FROM recording_segments
      WHERE camera_id = $1 AND started_at < $2 AND path <> $3
      ORDER BY started_at DESC LIMIT 1`,
    [row.cameraId, row.startedAt, row.path],
  );
  const previousEnd = rows[0]?.ended_at;
  if (!previousEnd || row.startedAt.getTime() - previousEnd.getTime() <= UNEXPLAINED_HOLE_MS) return;
  // Only if no recorded gap already covers the hole (e.g. a corrupt segment's gap inside it).
  await client.query(
    `INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason, detail)
     SELECT $1, $2, $3, 'worker_died', 'no footage and no recorded stop: the recording worker ended without closing'
      WHERE NOT EXISTS (
        SELECT 1 FROM recording_gaps
         WHERE camera_id = $1 AND started_at < $3 AND COALESCE(ended_at, 'infinity') > $2)`,
    [row.cameraId, previousEnd, row.startedAt],
  );
}

/**
 * The camera stopped recording at `from` (offline, stopped, storage): an open gap until its next segment. If a gap is
 * already open for another reason, that one ends now and the new reason carries on from now: the history says why
 * there was no footage at each moment.
 */
export async function openGap(
  pool: pg.Pool,
  cameraId: number,
  from: Date,
  reason: GapReason,
  detail: string | null,
): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [INDEX_LOCK_CLASS, cameraId]);
    const { rows } = await client.query<{ id: string; reason: GapReason }>(
      'SELECT id, reason FROM recording_gaps WHERE camera_id = $1 AND ended_at IS NULL',
      [cameraId],
    );
    const open = rows[0];
    if (open?.reason === reason) return;
    let start = from;
    if (open) {
      start = new Date();
      await client.query('UPDATE recording_gaps SET ended_at = GREATEST(started_at, $2) WHERE id = $1', [
        open.id,
        start,
      ]);
    }
    await client.query(
      'INSERT INTO recording_gaps (camera_id, started_at, reason, detail) VALUES ($1, $2, $3, $4)',
      [cameraId, start, reason, detail],
    );
  });
}

/** A span whose footage is unusable (a corrupt segment, kept aside): a closed gap with the reason. */
export async function recordClosedGap(
  db: Queryable,
  gap: { cameraId: number; from: Date; to: Date; reason: GapReason; detail: string | null },
): Promise<void> {
  await db.query(
    'INSERT INTO recording_gaps (camera_id, started_at, ended_at, reason, detail) VALUES ($1, $2, $3, $4, $5)',
    [gap.cameraId, gap.from, gap.to, gap.reason, gap.detail],
  );
}

/** End of the camera's newest indexed footage, if any. */
export async function lastSegmentEnd(db: Queryable, cameraId: number): Promise<Date | null> {
  const { rows } = await db.query<{ ended_at: Date }>(
    'SELECT ended_at FROM recording_segments WHERE camera_id = $1 ORDER BY started_at DESC LIMIT 1',
    [cameraId],
  );
  return rows[0]?.ended_at ?? null;
}

/** Paths already indexed among these (a restart finds which leftovers still need a row). */
export async function indexedPaths(db: Queryable, paths: readonly string[]): Promise<Set<string>> {
  if (!paths.length) return new Set();
  const { rows } = await db.query<{ path: string }>(
    'SELECT path FROM recording_segments WHERE path = ANY($1)',
    [paths],
  );
  return new Set(rows.map((r) => r.path));
}
