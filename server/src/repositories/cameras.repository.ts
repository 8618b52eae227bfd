// SQL for cameras: definition, placement and live status.
import type { Camera, CameraCreate, CameraHealth, CameraState, CameraUpdate, Tiling } from '../schemas';
import type { Queryable } from '../db/pool';
import { iso, isoRequired } from './row-mapping';
import { splitUserinfo } from '../lib/rtsp-userinfo';

interface CameraRow {
  id: number;
  name: string;
  name_th: string;
  lon: number;
  lat: number;
  heading_deg: number;
  fov_deg: number;
  rtsp_url: string;
  rtsp_credentials: Buffer | null;
  enabled: boolean;
  model_id: string;
  detect_fps: number;
  tiling: Tiling;
  status: CameraState;
  status_reason: string | null;
  last_seen_at: Date | null;
  health: CameraHealth | null;
  created_at: Date;
  updated_at: Date;
}

const SELECT_CAMERA = `SELECT id, name, name_th, ST_X(location) AS lon, ST_Y(location) AS lat, heading_deg, fov_deg,
  rtsp_url, rtsp_credentials, enabled, model_id, detect_fps, tiling, status, status_reason, last_seen_at, health, created_at, updated_at FROM cameras`;

const toCamera = (row: CameraRow): Camera => ({
  id: row.id,
  name: row.name,
  nameTh: row.name_th,
  location: { lon: row.lon, lat: row.lat },
  headingDeg: row.heading_deg,
  fovDeg: row.fov_deg,
  // A URL stored before credentials were sealed (migration 010) is shown without them all the same.
  rtspUrl: splitUserinfo(row.rtsp_url).url,
  rtspCredentialsSet: row.rtsp_credentials !== null,
  enabled: row.enabled,
  modelId: row.model_id,
  detectFps: row.detect_fps,
  tiling: row.tiling,
  status: row.status,
  statusReason: row.status_reason,
  lastSeenAt: iso(row.last_seen_at),
  health: row.health,
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

/** A camera with what only ffmpeg may use: the stored URL and the sealed credentials (see camera-streams.service). */
export interface CameraStreamRecord {
  camera: Camera;
  storedUrl: string;
  sealedCredentials: Buffer | null;
}

const toStreamRecord = (row: CameraRow): CameraStreamRecord => ({
  camera: toCamera(row),
  storedUrl: row.rtsp_url,
  sealedCredentials: row.rtsp_credentials,
});

export async function listCameras(db: Queryable): Promise<Camera[]> {
  return (await listCameraStreamRecords(db)).map((record) => record.camera);
}

export async function findCamera(db: Queryable, id: number): Promise<Camera | null> {
  return (await findCameraStreamRecord(db, id))?.camera ?? null;
}

export async function listCameraStreamRecords(db: Queryable): Promise<CameraStreamRecord[]> {
  const { rows } = await db.query<CameraRow>(`${SELECT_CAMERA} ORDER BY id`);
  return rows.map(toStreamRecord);
}

export async function findCameraStreamRecord(db: Queryable, id: number): Promise<CameraStreamRecord | null> {
  const { rows } = await db.query<CameraRow>(`${SELECT_CAMERA} WHERE id = $1`, [id]);
  return rows[0] ? toStreamRecord(rows[0]) : null;
}

/** What is stored for a new camera: the URL without userinfo and the credentials sealed by the service. */
export type CameraInsert = Omit<CameraCreate, 'rtspCredentials'> & { sealedCredentials?: Buffer | null };

/** A change: `sealedCredentials` undefined keeps the stored ones, null removes them. */
export type CameraPatch = Omit<CameraUpdate, 'rtspCredentials'> & { sealedCredentials?: Buffer | null };

export async function insertCamera(db: Queryable, camera: CameraInsert): Promise<Camera> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO cameras (name, name_th, location, heading_deg, fov_deg, rtsp_url, enabled, model_id, detect_fps, status, tiling,
       rtsp_credentials)
     VALUES ($1, $2, ST_SetSRID(ST_MakePoint($3, $4), 4326), $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      camera.name,
      camera.nameTh,
      camera.location.lon,
      camera.location.lat,
      camera.headingDeg,
      camera.fovDeg,
      camera.rtspUrl,
      camera.enabled ?? true,
      camera.modelId ?? 'yolox_nano_416',
      camera.detectFps ?? 5,
      camera.enabled === false ? 'disabled' : 'starting',
      camera.tiling ?? 'none',
      camera.sealedCredentials ?? null,
    ],
  );
  return (await findCamera(db, rows[0]!.id))!;
}

/** Each field is updated only when given: COALESCE keeps the stored value for nulls. */
export async function updateCamera(db: Queryable, id: number, patch: CameraPatch): Promise<Camera | null> {
  const { rowCount } = await db.query(
    `UPDATE cameras SET
       name = COALESCE($2, name),
       name_th = COALESCE($3, name_th),
       location = COALESCE(ST_SetSRID(ST_MakePoint($4, $5), 4326), location),
       heading_deg = COALESCE($6, heading_deg),
       fov_deg = COALESCE($7, fov_deg),
       rtsp_url = COALESCE($8, rtsp_url),
       enabled = COALESCE($9, enabled),
       model_id = COALESCE($10, model_id),
       detect_fps = COALESCE($11, detect_fps),
       tiling = COALESCE($12, tiling),
       rtsp_credentials = CASE WHEN $13 THEN $14::bytea ELSE rtsp_credentials END,
       status = CASE WHEN $9 IS NULL THEN status WHEN $9 THEN 'starting' ELSE 'disabled' END,
       updated_at = now()
     WHERE id = $1`,
    [
      id,
      patch.name ?? null,
      patch.nameTh ?? null,
      patch.location?.lon ?? null,
      patch.location?.lat ?? null,
      patch.headingDeg ?? null,
      patch.fovDeg ?? null,
      patch.rtspUrl ?? null,
      patch.enabled ?? null,
      patch.modelId ?? null,
      patch.detectFps ?? null,
      patch.tiling ?? null,
      patch.sealedCredentials !== undefined,
      patch.sealedCredentials ?? null,
    ],
  );
  return rowCount ? findCamera(db, id) : null;
}

export async function deleteCamera(db: Queryable, id: number): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM cameras WHERE id = $1', [id]);
  return (rowCount ?? 0) > 0;
}

export async function setCameraStatus(
  db: Queryable,
  id: number,
  status: CameraState,
  reason: string | null,
  seenAt: Date | null,
  health: CameraHealth | null = null,
): Promise<boolean> {
  // Health is kept from the last report unless a new one is given; a stopped camera clears it. A worker's report that
  // lands after the camera was disabled is dropped: the disable owns the status (a health report in flight used to
  // turn a disabled camera back to 'online' for good).
  const { rowCount } = await db.query(
    `UPDATE cameras SET status = $2, status_reason = $3, last_seen_at = COALESCE($4, last_seen_at),
       health = CASE WHEN $2 = 'disabled' THEN NULL ELSE COALESCE($5::jsonb, health) END,
       worker_id = COALESCE($5::jsonb ->> 'workerId', worker_id)
     WHERE id = $1 AND (enabled OR $2 = 'disabled')`,
    [id, status, reason, seenAt, health === null ? null : JSON.stringify(health)],
  );
  return (rowCount ?? 0) > 0;
}

/** Cameras whose URL still carries `user:pass@` (stored before migration 010). */
export async function listCamerasWithUserinfo(db: Queryable): Promise<{ id: number; rtspUrl: string }[]> {
  const { rows } = await db.query<{ id: number; rtsp_url: string }>(
    "SELECT id, rtsp_url FROM cameras WHERE rtsp_url ~ '^rtsp://[^/?#]*@' ORDER BY id",
  );
  return rows.map((row) => ({ id: row.id, rtspUrl: row.rtsp_url }));
}

export async function listSealedCredentials(db: Queryable): Promise<{ id: number; sealed: Buffer }[]> {
  const { rows } = await db.query<{ id: number; rtsp_credentials: Buffer }>(
    'SELECT id, rtsp_credentials FROM cameras WHERE rtsp_credentials IS NOT NULL ORDER BY id',
  );
  return rows.map((row) => ({ id: row.id, sealed: row.rtsp_credentials }));
}

/** Replaces sealed credentials only if they are still `before`: an admin's change made meanwhile wins. */
export async function replaceSealedCredentials(db: Queryable, id: number, before: Buffer, after: Buffer): Promise<boolean> {
  const { rowCount } = await db.query('UPDATE cameras SET rtsp_credentials = $3 WHERE id = $1 AND rtsp_credentials = $2', [
    id,
    before,
    after,
  ]);
  return (rowCount ?? 0) > 0;
}

export async function storeSealedUserinfo(db: Queryable, id: number, url: string, sealedCredentials: Buffer): Promise<void> {
  await db.query('UPDATE cameras SET rtsp_url = $2, rtsp_credentials = $3 WHERE id = $1', [id, url, sealedCredentials]);
}
