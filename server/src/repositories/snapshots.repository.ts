// SQL for event snapshots: where each JPEG is stored and its SHA-256, so a copy can be verified.
import type { Queryable } from '../db/pool';
import type { Snapshot } from '../schemas';
import { isoRequired } from './row-mapping';

interface SnapshotRow {
  id: number;
  event_id: number;
  kind: Snapshot['kind'];
  path: string;
  sha256: string;
  bytes: number;
  created_at: Date;
}

const toSnapshot = (row: SnapshotRow): Snapshot & { path: string } => ({
  id: row.id,
  eventId: row.event_id,
  kind: row.kind,
  sha256: row.sha256,
  bytes: row.bytes,
  createdAt: isoRequired(row.created_at),
  path: row.path,
});

export async function insertSnapshot(
  db: Queryable,
  snapshot: { eventId: number; kind: Snapshot['kind']; path: string; sha256: string; bytes: number },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO snapshots (event_id, kind, path, sha256, bytes) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [snapshot.eventId, snapshot.kind, snapshot.path, snapshot.sha256, snapshot.bytes],
  );
  return rows[0]!.id;
}

export async function listSnapshots(db: Queryable, eventId: number): Promise<(Snapshot & { path: string })[]> {
  const { rows } = await db.query<SnapshotRow>(
    'SELECT id, event_id, kind, path, sha256, bytes, created_at FROM snapshots WHERE event_id = $1 ORDER BY id',
    [eventId],
  );
  return rows.map(toSnapshot);
}

export async function findSnapshot(db: Queryable, id: number): Promise<(Snapshot & { path: string }) | null> {
  const { rows } = await db.query<SnapshotRow>(
    'SELECT id, event_id, kind, path, sha256, bytes, created_at FROM snapshots WHERE id = $1',
    [id],
  );
  return rows[0] ? toSnapshot(rows[0]) : null;
}
