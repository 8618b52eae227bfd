// SQL for GTFS import jobs: one row per upload with its state, progress, report or reason, and a heartbeat.
import type { Queryable } from '../db/pool';
import type { GtfsImportFailure, GtfsImportJob, GtfsImportProgress, GtfsImportReply } from '../schemas';
import { iso, isoRequired } from './row-mapping';

interface ImportRow {
  id: number;
  feed_name: string;
  replace: boolean;
  bytes: number;
  status: GtfsImportJob['status'];
  progress: GtfsImportProgress | null;
  report: GtfsImportReply | null;
  error: GtfsImportFailure | null;
  username: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const COLUMNS = `id, feed_name, replace, bytes, status, progress, report, error, username, created_at, started_at, finished_at`;

const toJob = (row: ImportRow): GtfsImportJob => ({
  id: row.id,
  feedName: row.feed_name,
  replace: row.replace,
  bytes: row.bytes,
  status: row.status,
  progress: row.progress,
  report: row.report,
  error: row.error,
  username: row.username,
  createdAt: isoRequired(row.created_at),
  startedAt: iso(row.started_at),
  finishedAt: iso(row.finished_at),
});

export interface NewImport {
  feedName: string;
  replace: boolean;
  bytes: number;
  userId: number;
  username: string;
  at: Date;
}

export async function insertImport(db: Queryable, job: NewImport): Promise<GtfsImportJob> {
  const { rows } = await db.query<ImportRow>(
    `INSERT INTO gtfs_imports (feed_name, replace, bytes, created_by, username, created_at, heartbeat_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
    [job.feedName, job.replace, job.bytes, job.userId, job.username, job.at],
  );
  return toJob(rows[0]!);
}

export async function markImportRunning(db: Queryable, id: number, at: Date): Promise<void> {
  await db.query(`UPDATE gtfs_imports SET status = 'running', started_at = $2, heartbeat_at = $2 WHERE id = $1`, [id, at]);
}

/** The heartbeat of every import this server holds, and the progress of the one it runs. */
export async function beatImports(
  db: Queryable,
  ids: readonly number[],
  at: Date,
  running?: { id: number; progress: GtfsImportProgress },
): Promise<void> {
  await db.query(
    `UPDATE gtfs_imports SET heartbeat_at = $2,
            progress = CASE WHEN id = $3 THEN $4::jsonb ELSE progress END
      WHERE id = ANY($1::int[]) AND status IN ('queued', 'running')`,
    [ids, at, running?.id ?? null, running ? JSON.stringify(running.progress) : null],
  );
}

export async function finishImport(
  db: Queryable,
  id: number,
  at: Date,
  outcome: { report: GtfsImportReply } | { error: GtfsImportFailure },
  progress: GtfsImportProgress | null,
): Promise<void> {
  const done = 'report' in outcome;
  await db.query(
    `UPDATE gtfs_imports SET status = $2, report = $3, error = $4, finished_at = $5, heartbeat_at = $5,
            progress = COALESCE($6::jsonb, progress)
      WHERE id = $1`,
    [
      id,
      done ? 'done' : 'failed',
      done ? JSON.stringify(outcome.report) : null,
      done ? null : JSON.stringify(outcome.error),
      at,
      progress ? JSON.stringify(progress) : null,
    ],
  );
}

/** Imports whose server stopped beating (it died or was killed) are failed: their transaction rolled back with it. */
export async function failSilentImports(db: Queryable, silentSince: Date, at: Date, error: GtfsImportFailure): Promise<void> {
  await db.query(
    `UPDATE gtfs_imports SET status = 'failed', error = $3, finished_at = $2
      WHERE status IN ('queued', 'running') AND heartbeat_at < $1`,
    [silentSince, at, JSON.stringify(error)],
  );
}

export async function findImport(db: Queryable, id: number): Promise<GtfsImportJob | null> {
  const { rows } = await db.query<ImportRow>(`SELECT ${COLUMNS} FROM gtfs_imports WHERE id = $1`, [id]);
  return rows[0] ? toJob(rows[0]) : null;
}

export async function listImports(db: Queryable, limit: number): Promise<GtfsImportJob[]> {
  const { rows } = await db.query<ImportRow>(`SELECT ${COLUMNS} FROM gtfs_imports ORDER BY created_at DESC, id DESC LIMIT $1`, [
    limit,
  ]);
  return rows.map(toJob);
}
