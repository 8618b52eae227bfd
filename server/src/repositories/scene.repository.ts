// SQL for a camera's analytics scene: zones, counting lines and ground-plane calibration.
import type { Queryable } from '../db/pool';
import type { Calibration, CalibrationPair, CameraSceneInput, CountingLine, ImagePoint, Zone } from '../schemas';
import { isoRequired } from './row-mapping';

interface ZoneRow {
  id: number;
  camera_id: number;
  kind: Zone['kind'];
  name: string;
  name_th: string;
  polygon: ImagePoint[];
  direction: [number, number] | null;
  alert_above: number | null;
  clear_below: number | null;
}

interface LineRow {
  id: number;
  camera_id: number;
  name: string;
  name_th: string;
  points: [ImagePoint, ImagePoint];
}

interface CalibrationRow {
  camera_id: number;
  pairs: CalibrationPair[];
  homography: number[];
  lon: number;
  lat: number;
  mean_error_m: number;
  max_error_m: number;
  per_pair_m: number[];
  updated_at: Date;
}

const toZone = (row: ZoneRow): Zone => ({
  id: row.id,
  cameraId: row.camera_id,
  kind: row.kind,
  name: row.name,
  nameTh: row.name_th,
  polygon: row.polygon,
  ...(row.direction ? { direction: row.direction } : {}),
  ...(row.alert_above !== null ? { alertAbove: row.alert_above } : {}),
  ...(row.clear_below !== null ? { clearBelow: row.clear_below } : {}),
});

export async function listZones(db: Queryable, cameraId: number): Promise<Zone[]> {
  const { rows } = await db.query<ZoneRow>(
    `SELECT id, camera_id, kind, name, name_th, polygon, direction, alert_above, clear_below
       FROM camera_zones WHERE camera_id = $1 ORDER BY position`,
    [cameraId],
  );
  return rows.map(toZone);
}

export async function listLines(db: Queryable, cameraId: number): Promise<CountingLine[]> {
  const { rows } = await db.query<LineRow>(
    'SELECT id, camera_id, name, name_th, points FROM counting_lines WHERE camera_id = $1 ORDER BY position',
    [cameraId],
  );
  return rows.map((row) => ({ id: row.id, cameraId: row.camera_id, name: row.name, nameTh: row.name_th, points: row.points }));
}

/** Replaces every zone and line of a camera; call inside a transaction. */
export async function replaceZonesAndLines(db: Queryable, cameraId: number, scene: CameraSceneInput): Promise<void> {
  await db.query('DELETE FROM camera_zones WHERE camera_id = $1', [cameraId]);
  await db.query('DELETE FROM counting_lines WHERE camera_id = $1', [cameraId]);
  for (const [position, zone] of scene.zones.entries()) {
    await db.query(
      `INSERT INTO camera_zones (camera_id, position, kind, name, name_th, polygon, direction, alert_above, clear_below)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        cameraId,
        position,
        zone.kind,
        zone.name,
        zone.nameTh,
        JSON.stringify(zone.polygon),
        zone.direction ? JSON.stringify(zone.direction) : null,
        zone.alertAbove ?? null,
        zone.clearBelow ?? null,
      ],
    );
  }
  for (const [position, line] of scene.lines.entries()) {
    await db.query(
      'INSERT INTO counting_lines (camera_id, position, name, name_th, points) VALUES ($1, $2, $3, $4, $5)',
      [cameraId, position, line.name, line.nameTh, JSON.stringify(line.points)],
    );
  }
}

export async function findCalibration(db: Queryable, cameraId: number): Promise<Calibration | null> {
  const { rows } = await db.query<CalibrationRow>(
    `SELECT camera_id, pairs, homography, ST_X(origin) AS lon, ST_Y(origin) AS lat, mean_error_m, max_error_m,
            per_pair_m, updated_at
       FROM camera_calibrations WHERE camera_id = $1`,
    [cameraId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    cameraId: row.camera_id,
    pairs: row.pairs,
    homography: row.homography,
    origin: { lon: row.lon, lat: row.lat },
    error: { meanM: row.mean_error_m, maxM: row.max_error_m, perPairM: row.per_pair_m },
    updatedAt: isoRequired(row.updated_at),
  };
}

export async function saveCalibration(
  db: Queryable,
  calibration: Omit<Calibration, 'updatedAt'>,
  userId: number | null,
): Promise<void> {
  await db.query(
    `INSERT INTO camera_calibrations (camera_id, pairs, homography, origin, mean_error_m, max_error_m, per_pair_m, updated_by)
     VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 4326), $6, $7, $8, $9)
     ON CONFLICT (camera_id) DO UPDATE SET pairs = EXCLUDED.pairs, homography = EXCLUDED.homography,
       origin = EXCLUDED.origin, mean_error_m = EXCLUDED.mean_error_m, max_error_m = EXCLUDED.max_error_m,
       per_pair_m = EXCLUDED.per_pair_m, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [
      calibration.cameraId,
      JSON.stringify(calibration.pairs),
      calibration.homography,
      calibration.origin.lon,
      calibration.origin.lat,
      calibration.error.meanM,
      calibration.error.maxM,
      calibration.error.perPairM,
      userId,
    ],
  );
}

export async function deleteCalibration(db: Queryable, cameraId: number): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM camera_calibrations WHERE camera_id = $1', [cameraId]);
  return (rowCount ?? 0) > 0;
}
