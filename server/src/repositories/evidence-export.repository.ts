// SQL the export job reads: a camera's segments in a window with what the manifest records of each, and the people
// named in the letter.
import type { Queryable } from '../db/pool';

export interface ExportSegment {
  id: number;
  path: string;
  startedAt: Date;
  endedAt: Date;
  bytes: number;
  sha256: string;
  interrupted: boolean;
  clockSource: string;
}

/** Segments overlapping the window in recording order (a segment lasts at most a minute: the lookback bounds the scan). */
export async function listExportSegments(
  db: Queryable,
  window: { cameraId: number; from: Date; to: Date },
): Promise<ExportSegment[]> {
  const { rows } = await db.query<{
    id: string;
    path: string;
    started_at: Date;
    ended_at: Date;
    bytes: string;
    sha256: string;
    interrupted: boolean;
    clock_source: string;
  }>(
    `SELECT id, path, started_at, ended_at, bytes, sha256, interrupted, clock_source FROM recording_segments
      WHERE camera_id = $1 AND started_at >= $2::timestamptz - interval '2 minutes' AND started_at < $3 AND ended_at > $2
      ORDER BY started_at, id`,
    [window.cameraId, window.from, window.to],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    path: r.path,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    bytes: Number(r.bytes),
    sha256: r.sha256,
    interrupted: r.interrupted,
    clockSource: r.clock_source,
  }));
}

export interface NamedUser {
  username: string;
  displayName: string;
}

export async function findNamedUser(db: Queryable, id: number | null): Promise<NamedUser | null> {
  if (id === null) return null;
  const { rows } = await db.query<{ username: string; display_name: string }>(
    'SELECT username, display_name FROM users WHERE id = $1',
    [id],
  );
  return rows[0] ? { username: rows[0].username, displayName: rows[0].display_name } : null;
}

export async function findDeciderId(db: Queryable, requestId: number): Promise<number | null> {
  const { rows } = await db.query<{ decided_by: number | null }>('SELECT decided_by FROM footage_requests WHERE id = $1', [
    requestId,
  ]);
  return rows[0]?.decided_by ?? null;
}
