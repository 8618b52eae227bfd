// SQL for a vehicle's recorded positions over a period (live and out-of-order fixes alike), oldest first.
import type { Queryable } from '../db/pool';

export interface TrackPoint {
  time: Date;
  lon: number;
  lat: number;
  speedKmh: number | null;
  bearingDeg: number | null;
  altitudeM: number | null;
  accuracyM: number | null;
  current: boolean;
}

export async function findVehicleLabel(db: Queryable, vehicleId: number): Promise<string | null> {
  const { rows } = await db.query<{ label: string }>('SELECT label FROM vehicles WHERE id = $1', [vehicleId]);
  return rows[0]?.label ?? null;
}

/** At most `limit` points in [from, to); the caller asks for one more than it allows to know the period was too full. */
export async function listTrackPoints(
  db: Queryable,
  vehicleId: number,
  from: Date,
  to: Date,
  limit: number,
): Promise<TrackPoint[]> {
  const { rows } = await db.query<TrackPoint>(
    `SELECT fix_time AS time, ST_X(location) AS lon, ST_Y(location) AS lat, speed_kmh AS "speedKmh", bearing_deg AS "bearingDeg",
            altitude_m AS "altitudeM", accuracy_m AS "accuracyM", current
       FROM gps_positions
      WHERE vehicle_id = $1 AND fix_time >= $2 AND fix_time < $3
      ORDER BY fix_time, received_at
      LIMIT $4`,
    [vehicleId, from, to, limit],
  );
  return rows;
}
