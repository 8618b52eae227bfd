// SQL for evidence holds: footage retention must never delete. Inserted (under the retention lock), listed with the
// recorded bytes each holds, released; never deleted.
import type { Queryable } from '../db/pool';
import type { EvidenceHold, EvidenceHoldInput } from '../schemas';
import { iso, isoRequired } from './row-mapping';
import { lockRetention } from './retention.repository';

interface HoldRow {
  id: number;
  camera_id: number;
  starts_at: Date;
  ends_at: Date;
  reason: string;
  case_number: string | null;
  expires_at: Date | null;
  created_by: string;
  created_at: Date;
  released_at: Date | null;
  released_by: string | null;
  release_reason: string | null;
  bytes: number;
}

// Segments last seconds (RECORDING_SEGMENT_S is at most 60): a day's slack before the hold lets the camera/time
// index find them without reading the camera's whole history.
const SELECT_HOLD = `SELECT h.id, h.camera_id, h.starts_at, h.ends_at, h.reason, h.case_number, h.expires_at,
  cu.username AS created_by, h.created_at, h.released_at, ru.username AS released_by, h.release_reason,
  (SELECT COALESCE(sum(s.bytes), 0)::bigint FROM recording_segments s
    WHERE s.camera_id = h.camera_id AND s.started_at < h.ends_at AND s.started_at > h.starts_at - interval '1 day'
      AND s.ended_at > h.starts_at) AS bytes
  FROM evidence_holds h JOIN users cu ON cu.id = h.created_by LEFT JOIN users ru ON ru.id = h.released_by`;

const toHold = (row: HoldRow): EvidenceHold => ({
  id: row.id,
  cameraId: row.camera_id,
  from: isoRequired(row.starts_at),
  to: isoRequired(row.ends_at),
  reason: row.reason,
  caseNumber: row.case_number,
  expiresAt: iso(row.expires_at),
  createdBy: row.created_by,
  createdAt: isoRequired(row.created_at),
  releasedAt: iso(row.released_at),
  releasedBy: row.released_by,
  releaseReason: row.release_reason,
  bytes: row.bytes,
});

export async function findEvidenceHold(db: Queryable, id: number): Promise<EvidenceHold | null> {
  const { rows } = await db.query<HoldRow>(`${SELECT_HOLD} WHERE h.id = $1`, [id]);
  return rows[0] ? toHold(rows[0]) : null;
}

/** Holds newest first: all of them, or only those in force at `now` (not released, not expired); optionally one camera's. */
export async function listEvidenceHolds(
  db: Queryable,
  filter: { activeAt: Date | null; cameraId?: number },
): Promise<EvidenceHold[]> {
  const { rows } = await db.query<HoldRow>(
    `${SELECT_HOLD}
      WHERE ($1::timestamptz IS NULL OR (h.released_at IS NULL AND (h.expires_at IS NULL OR h.expires_at > $1)))
        AND ($2::int IS NULL OR h.camera_id = $2)
      ORDER BY h.created_at DESC, h.id DESC`,
    [filter.activeAt, filter.cameraId ?? null],
  );
  return rows.map(toHold);
}

/**
 * Inserts a hold and returns its id. Takes the retention lock first: call it inside a transaction, so the hold is
 * committed before any delete can plan around it.
 */
export async function insertEvidenceHold(
  db: Queryable,
  input: EvidenceHoldInput,
  userId: number,
  /** The footage request the hold serves, when an approval placed it. */
  requestId: number | null = null,
): Promise<number> {
  await lockRetention(db);
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO evidence_holds (camera_id, starts_at, ends_at, reason, case_number, expires_at, created_by, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      input.cameraId,
      input.from,
      input.to,
      input.reason,
      input.caseNumber ?? null,
      input.expiresAt ?? null,
      userId,
      requestId,
    ],
  );
  return rows[0]!.id;
}

/** Releases every hold a request placed that is still in force; returns their ids. */
export async function releaseRequestHolds(
  db: Queryable,
  release: { requestId: number; userId: number; reason: string; at: Date },
): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `UPDATE evidence_holds SET released_at = $4, released_by = $2, release_reason = $3
      WHERE request_id = $1 AND released_at IS NULL RETURNING id`,
    [release.requestId, release.userId, release.reason, release.at],
  );
  return rows.map((r) => r.id);
}

/** Releases a hold that is not released yet; false when it was (or does not exist). The row stays. */
export async function releaseEvidenceHold(
  db: Queryable,
  release: { id: number; userId: number; reason: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE evidence_holds SET released_at = $4, released_by = $2, release_reason = $3 WHERE id = $1 AND released_at IS NULL`,
    [release.id, release.userId, release.reason, release.at],
  );
  return rowCount === 1;
}
