// SQL for per-camera recording settings: the effective settings (the camera's row, else the configured defaults),
// admins' changes, and the pauses the cleaner sets when only protected footage is left.
import type { Queryable } from '../db/pool';
import type { CameraRecordingSettings } from '../schemas';
import { iso } from './row-mapping';
import type { RetentionDefaults } from './retention.repository';

/** The column default: a camera with no row of its own is in the middle. */
export const DEFAULT_RECORDING_PRIORITY = 50;

export interface EffectiveRecording extends CameraRecordingSettings {
  cameraId: number;
  /** Whether the camera has settings of its own (else the defaults). */
  custom: boolean;
  pausedAt: string | null;
  pausedReason: string | null;
}

interface EffectiveRow {
  camera_id: number;
  custom: boolean;
  enabled: boolean;
  min_days: number;
  max_days: number;
  priority: number;
  paused_at: Date | null;
  paused_reason: string | null;
}

// Days stay `real` (not float8) so that 0.1 comes back as 0.1.
const SELECT_EFFECTIVE = `SELECT c.id AS camera_id, r.camera_id IS NOT NULL AS custom, COALESCE(r.enabled, true) AS enabled,
  COALESCE(r.min_days, $1::real) AS min_days, COALESCE(r.max_days, $2::real) AS max_days,
  COALESCE(r.priority, ${DEFAULT_RECORDING_PRIORITY}) AS priority, r.paused_at, r.paused_reason
  FROM cameras c LEFT JOIN camera_recording r ON r.camera_id = c.id`;

const toEffective = (row: EffectiveRow): EffectiveRecording => ({
  cameraId: row.camera_id,
  custom: row.custom,
  enabled: row.enabled,
  minDays: row.min_days,
  maxDays: row.max_days,
  priority: row.priority,
  pausedAt: iso(row.paused_at),
  pausedReason: row.paused_reason,
});

/** A camera's effective settings; null when there is no such camera. */
export async function findCameraRecording(
  db: Queryable,
  cameraId: number,
  defaults: RetentionDefaults,
): Promise<EffectiveRecording | null> {
  const { rows } = await db.query<EffectiveRow>(`${SELECT_EFFECTIVE} WHERE c.id = $3`, [
    defaults.minDays,
    defaults.maxDays,
    cameraId,
  ]);
  return rows[0] ? toEffective(rows[0]) : null;
}

export async function listCameraRecording(
  db: Queryable,
  defaults: RetentionDefaults,
): Promise<EffectiveRecording[]> {
  const { rows } = await db.query<EffectiveRow>(`${SELECT_EFFECTIVE} ORDER BY c.id`, [
    defaults.minDays,
    defaults.maxDays,
  ]);
  return rows.map(toEffective);
}

/** Stores a camera's own settings (the camera must exist); a pause the cleaner set stays until it clears it. */
export async function upsertCameraRecording(
  db: Queryable,
  cameraId: number,
  settings: CameraRecordingSettings,
): Promise<void> {
  await db.query(
    `INSERT INTO camera_recording (camera_id, enabled, min_days, max_days, priority, updated_at)
     VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (camera_id) DO UPDATE SET enabled = $2, min_days = $3, max_days = $4, priority = $5, updated_at = now()`,
    [cameraId, settings.enabled, settings.minDays, settings.maxDays, settings.priority],
  );
}

export interface RecordingCamera {
  id: number;
  name: string;
  nameTh: string;
  priority: number;
}

interface RecordingCameraRow {
  id: number;
  name: string;
  name_th: string;
  priority: number;
}

const toRecordingCamera = (row: RecordingCameraRow): RecordingCamera => ({
  id: row.id,
  name: row.name,
  nameTh: row.name_th,
  priority: row.priority,
});

/** The recording camera to pause next: the lowest priority (then the lowest id) of those enabled and not paused. */
export async function nextCameraToPause(db: Queryable): Promise<RecordingCamera | null> {
  const { rows } = await db.query<RecordingCameraRow>(
    `SELECT c.id, c.name, c.name_th, COALESCE(r.priority, ${DEFAULT_RECORDING_PRIORITY}) AS priority
       FROM cameras c LEFT JOIN camera_recording r ON r.camera_id = c.id
      WHERE c.enabled AND COALESCE(r.enabled, true) AND r.paused_at IS NULL
      ORDER BY 4, c.id
      LIMIT 1`,
  );
  return rows[0] ? toRecordingCamera(rows[0]) : null;
}

/** Paused cameras, highest priority first (the order they resume in). */
export async function listPausedCameras(db: Queryable): Promise<RecordingCamera[]> {
  const { rows } = await db.query<RecordingCameraRow>(
    `SELECT c.id, c.name, c.name_th, r.priority
       FROM camera_recording r JOIN cameras c ON c.id = r.camera_id
      WHERE r.paused_at IS NOT NULL
      ORDER BY r.priority DESC, c.id`,
  );
  return rows.map(toRecordingCamera);
}

/**
 * Pauses a camera's recording (the recorder obeys it). A camera without settings gets a row with the defaults, since
 * the pause lives in that row; its settings are the same as before.
 */
export async function setRecordingPause(
  db: Queryable,
  pause: { cameraId: number; at: Date; reason: string; defaults: RetentionDefaults },
): Promise<void> {
  await db.query(
    `INSERT INTO camera_recording (camera_id, min_days, max_days, paused_at, paused_reason) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (camera_id) DO UPDATE SET paused_at = COALESCE(camera_recording.paused_at, $4), paused_reason = $5`,
    [pause.cameraId, pause.defaults.minDays, pause.defaults.maxDays, pause.at, pause.reason],
  );
}

export async function clearRecordingPauses(db: Queryable, cameraIds: readonly number[]): Promise<void> {
  await db.query(
    'UPDATE camera_recording SET paused_at = NULL, paused_reason = NULL WHERE camera_id = ANY($1::int[])',
    [cameraIds],
  );
}
