// SQL for police footage requests: the request row, its chosen cameras, its step history and its latest package.
import type { Queryable } from '../db/pool';
import type {
  EvidencePackageInfo,
  FootageRequest,
  FootageRequestForm,
  FootageRequestStatus,
  RequestCamera,
  RequestStep,
} from '../schemas';
import { iso, isoRequired } from './row-mapping';

interface RequestRow {
  id: string;
  reference: string;
  kind: 'online' | 'walk_in';
  status: FootageRequestStatus;
  case_number: string;
  station: string;
  officer_name: string;
  officer_rank: string;
  officer_id: string;
  officer_phone: string;
  legal_basis: string;
  reason: string;
  lon: number;
  lat: number;
  place_label: string | null;
  place_radius_m: number;
  window_from: Date;
  window_to: Date;
  requester_id: number | null;
  requester: string | null;
  entered_by_id: number;
  entered_by: string;
  has_form: boolean;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  hold_expires_at: Date | null;
  export_progress: number | null;
  export_error: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A request as stored, with the ids the workflow checks (who asked, who typed it in). */
export interface StoredRequest extends Omit<FootageRequest, 'cameras' | 'steps' | 'package' | 'overdue'> {
  requesterId: number | null;
  enteredById: number;
}

const SELECT_REQUEST = `SELECT r.id, r.reference, r.kind, r.status, r.case_number, r.station, r.officer_name,
    r.officer_rank, r.officer_id, r.officer_phone, r.legal_basis, r.reason,
    ST_X(r.place) AS lon, ST_Y(r.place) AS lat, r.place_label, r.place_radius_m, r.window_from, r.window_to,
    r.requester_id, ru.username AS requester, r.entered_by AS entered_by_id, eu.username AS entered_by,
    r.form_path IS NOT NULL AS has_form, du.username AS decided_by, r.decided_at, r.decision_note,
    r.hold_expires_at, r.export_progress, r.export_error, r.created_at, r.updated_at
  FROM footage_requests r
  JOIN users eu ON eu.id = r.entered_by
  LEFT JOIN users ru ON ru.id = r.requester_id
  LEFT JOIN users du ON du.id = r.decided_by`;

const toStored = (row: RequestRow): StoredRequest => ({
  id: Number(row.id),
  reference: row.reference,
  kind: row.kind,
  status: row.status,
  caseNumber: row.case_number,
  station: row.station,
  officerName: row.officer_name,
  officerRank: row.officer_rank,
  officerId: row.officer_id,
  officerPhone: row.officer_phone,
  legalBasis: row.legal_basis,
  reason: row.reason,
  place: { lon: row.lon, lat: row.lat },
  placeLabel: row.place_label,
  placeRadiusM: row.place_radius_m,
  from: isoRequired(row.window_from),
  to: isoRequired(row.window_to),
  requesterId: row.requester_id,
  requester: row.requester,
  enteredById: row.entered_by_id,
  enteredBy: row.entered_by,
  hasForm: row.has_form,
  decidedBy: row.decided_by,
  decidedAt: iso(row.decided_at),
  decisionNote: row.decision_note,
  holdExpiresAt: iso(row.hold_expires_at),
  exportProgress: row.export_progress,
  exportError: row.export_error,
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

export interface NewRequest {
  kind: 'online' | 'walk_in';
  form: FootageRequestForm;
  requesterId: number | null;
  enteredBy: number;
  /** Buddhist-Era year of the filing date in Bangkok, for the reference. */
  beYear: number;
  at: Date;
}

export async function insertRequest(db: Queryable, input: NewRequest): Promise<number> {
  const { form } = input;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO footage_requests (reference, kind, station, case_number, officer_name, officer_rank, officer_id,
       officer_phone, legal_basis, reason, place, place_label, place_radius_m, window_from, window_to, requester_id,
       entered_by, created_at, updated_at)
     VALUES ('FR-' || $1::int || '-' || lpad(nextval('footage_request_number')::text, 5, '0'), $2, $3, $4, $5, $6, $7,
       $8, $9, $10, ST_SetSRID(ST_MakePoint($11, $12), 4326), $13, $14, $15, $16, $17, $18, $19, $19)
     RETURNING id`,
    [
      input.beYear,
      input.kind,
      form.station.trim(),
      form.caseNumber.trim(),
      form.officerName.trim(),
      form.officerRank.trim(),
      form.officerId.trim(),
      form.officerPhone.trim(),
      form.legalBasis.trim(),
      form.reason.trim(),
      form.place.lon,
      form.place.lat,
      form.placeLabel?.trim() || null,
      form.placeRadiusM ?? 50,
      form.from,
      form.to,
      input.requesterId,
      input.enteredBy,
      input.at,
    ],
  );
  return Number(rows[0]!.id);
}

/** The request, locked for the rest of the transaction when `forUpdate` (a workflow step reads then writes). */
export async function findRequest(db: Queryable, id: number, forUpdate = false): Promise<StoredRequest | null> {
  const { rows } = await db.query<RequestRow>(
    `${SELECT_REQUEST} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  return rows[0] ? toStored(rows[0]) : null;
}

export interface RequestFilter {
  /** Police see their own station's requests only. */
  station: string | null;
  status?: FootageRequestStatus;
  open?: boolean;
  limit: number;
}

export async function listRequests(db: Queryable, filter: RequestFilter): Promise<StoredRequest[]> {
  const { rows } = await db.query<RequestRow>(
    `${SELECT_REQUEST}
     WHERE ($1::text IS NULL OR r.station = $1)
       AND ($2::text IS NULL OR r.status = $2)
       AND (NOT $3::boolean OR r.status IN ('submitted', 'in_review'))
     ORDER BY r.created_at DESC, r.id DESC LIMIT $4`,
    [filter.station, filter.status ?? null, filter.open ?? false, filter.limit],
  );
  return rows.map(toStored);
}

export async function setStatus(
  db: Queryable,
  id: number,
  status: FootageRequestStatus,
  at: Date,
  extra: { decidedBy?: number; decisionNote?: string | null; holdExpiresAt?: string | null; exportError?: string | null } = {},
): Promise<void> {
  await db.query(
    `UPDATE footage_requests SET status = $2, updated_at = $3,
       decided_by = COALESCE($4, decided_by),
       decided_at = CASE WHEN $4::int IS NULL THEN decided_at ELSE $3 END,
       decision_note = CASE WHEN $4::int IS NULL THEN decision_note ELSE $5 END,
       hold_expires_at = CASE WHEN $4::int IS NULL THEN hold_expires_at ELSE $6::timestamptz END,
       export_error = $7,
       export_progress = CASE WHEN $2 = 'exporting' THEN 0 WHEN $2 = 'ready' THEN 1 ELSE export_progress END
     WHERE id = $1`,
    [id, status, at, extra.decidedBy ?? null, extra.decisionNote ?? null, extra.holdExpiresAt ?? null, extra.exportError ?? null],
  );
}

export async function setExportProgress(db: Queryable, id: number, fraction: number): Promise<void> {
  await db.query(`UPDATE footage_requests SET export_progress = $2 WHERE id = $1 AND status = 'exporting'`, [
    id,
    Math.max(0, Math.min(1, fraction)),
  ]);
}

export async function setForm(
  db: Queryable,
  id: number,
  form: { path: string; sha256: string; mediaType: string },
): Promise<void> {
  await db.query(`UPDATE footage_requests SET form_path = $2, form_sha256 = $3, form_media_type = $4 WHERE id = $1`, [
    id,
    form.path,
    form.sha256,
    form.mediaType,
  ]);
}

export async function findForm(
  db: Queryable,
  id: number,
): Promise<{ path: string; sha256: string; mediaType: string } | null> {
  const { rows } = await db.query<{ form_path: string; form_sha256: string; form_media_type: string }>(
    `SELECT form_path, form_sha256, form_media_type FROM footage_requests WHERE id = $1 AND form_path IS NOT NULL`,
    [id],
  );
  return rows[0] ? { path: rows[0].form_path, sha256: rows[0].form_sha256, mediaType: rows[0].form_media_type } : null;
}

export async function insertStep(
  db: Queryable,
  step: { requestId: number; status: string; at: Date; userId: number | null; note?: string | null },
): Promise<void> {
  await db.query(`INSERT INTO footage_request_steps (request_id, status, at, user_id, note) VALUES ($1, $2, $3, $4, $5)`, [
    step.requestId,
    step.status,
    step.at,
    step.userId,
    step.note ?? null,
  ]);
}

export async function listSteps(db: Queryable, requestId: number): Promise<RequestStep[]> {
  const { rows } = await db.query<{ status: string; at: Date; username: string | null; note: string | null }>(
    `SELECT s.status, s.at, u.username, s.note FROM footage_request_steps s LEFT JOIN users u ON u.id = s.user_id
     WHERE s.request_id = $1 ORDER BY s.id`,
    [requestId],
  );
  return rows.map((r) => ({ status: r.status, at: isoRequired(r.at), by: r.username, note: r.note }));
}

/** Replaces the chosen cameras of a request. */
export async function replaceCameras(
  db: Queryable,
  requestId: number,
  cameras: { cameraId: number; from: string; to: string }[],
  userId: number,
): Promise<void> {
  await db.query(`DELETE FROM footage_request_cameras WHERE request_id = $1`, [requestId]);
  await db.query(
    `INSERT INTO footage_request_cameras (request_id, camera_id, window_from, window_to, chosen_by)
     SELECT $1, c.camera_id, c.window_from, c.window_to, $2
       FROM unnest($3::int[], $4::timestamptz[], $5::timestamptz[]) AS c(camera_id, window_from, window_to)`,
    [requestId, userId, cameras.map((c) => c.cameraId), cameras.map((c) => c.from), cameras.map((c) => c.to)],
  );
}

export async function listRequestCameras(db: Queryable, requestId: number): Promise<RequestCamera[]> {
  const { rows } = await db.query<{
    camera_id: number;
    name: string | null;
    name_th: string | null;
    window_from: Date;
    window_to: Date;
    chosen_by: string;
  }>(
    `SELECT rc.camera_id, c.name, c.name_th, rc.window_from, rc.window_to, u.username AS chosen_by
       FROM footage_request_cameras rc JOIN users u ON u.id = rc.chosen_by LEFT JOIN cameras c ON c.id = rc.camera_id
      WHERE rc.request_id = $1 ORDER BY rc.camera_id`,
    [requestId],
  );
  return rows.map((r) => ({
    cameraId: r.camera_id,
    // A camera deleted since keeps its footage; its name is then only its number.
    name: r.name ?? `Camera ${r.camera_id}`,
    nameTh: r.name_th ?? `กล้อง ${r.camera_id}`,
    from: isoRequired(r.window_from),
    to: isoRequired(r.window_to),
    chosenBy: r.chosen_by,
  }));
}

export async function latestPackage(db: Queryable, requestId: number): Promise<(EvidencePackageInfo & { path: string }) | null> {
  const { rows } = await db.query<{
    id: string;
    path: string;
    bytes: string;
    sha256: string;
    manifest_sha256: string;
    key_fingerprint: string;
    created_at: Date;
  }>(
    `SELECT id, path, bytes, sha256, manifest_sha256, key_fingerprint, created_at FROM evidence_packages
      WHERE request_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [requestId],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        path: r.path,
        bytes: Number(r.bytes),
        sha256: r.sha256,
        manifestSha256: r.manifest_sha256,
        keyFingerprint: r.key_fingerprint,
        createdAt: isoRequired(r.created_at),
      }
    : null;
}

export async function insertPackage(
  db: Queryable,
  pkg: { id: string; requestId: number; path: string; bytes: number; sha256: string; manifestSha256: string; keyFingerprint: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO evidence_packages (id, request_id, path, bytes, sha256, manifest_sha256, key_fingerprint, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [pkg.id, pkg.requestId, pkg.path, pkg.bytes, pkg.sha256, pkg.manifestSha256, pkg.keyFingerprint, pkg.at],
  );
}
