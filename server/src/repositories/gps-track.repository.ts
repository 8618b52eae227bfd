// SQL for a vehicle's history over a period: recorded positions (live and out-of-order alike) and stop calls, oldest first.
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

export interface StopCallRow {
  stopId: string;
  stopName: string;
  translations: Record<string, string>;
  stopSequence: number;
  routeId: string;
  routeShortName: string | null;
  tripId: string;
  scheduledArrival: Date;
  scheduledDeparture: Date;
  arrivedAt: Date | null;
  departedAt: Date | null;
  delayS: number | null;
}

/** The vehicle's stop calls that began in [from, to), oldest first, with the stop and route names of their feed. */
export async function listStopCalls(
  db: Queryable,
  vehicleId: number,
  from: Date,
  to: Date,
  limit: number,
): Promise<StopCallRow[]> {
  // The scheduled-arrival bound lets the (vehicle_id, scheduled_arrival) index narrow the scan: a call happens
  // within a day of its timetable time.
  const { rows } = await db.query<StopCallRow>(
    `SELECT v.stop_id AS "stopId", COALESCE(s.name, v.stop_id) AS "stopName", COALESCE(s.translations, '{}') AS translations,
            v.stop_sequence AS "stopSequence", v.route_id AS "routeId", r.short_name AS "routeShortName", v.trip_id AS "tripId",
            v.scheduled_arrival AS "scheduledArrival", v.scheduled_departure AS "scheduledDeparture",
            v.arrived_at AS "arrivedAt", v.departed_at AS "departedAt", v.delay_s AS "delayS"
       FROM bus_stop_visits v
       LEFT JOIN gtfs_stops s ON s.feed_id = v.feed_id AND s.stop_id = v.stop_id
       LEFT JOIN gtfs_routes r ON r.feed_id = v.feed_id AND r.route_id = v.route_id
      WHERE v.vehicle_id = $1
        AND v.scheduled_arrival >= $2::timestamptz - interval '1 day' AND v.scheduled_arrival < $3::timestamptz + interval '1 day'
        AND COALESCE(v.arrived_at, v.departed_at) >= $2 AND COALESCE(v.arrived_at, v.departed_at) < $3
      ORDER BY COALESCE(v.arrived_at, v.departed_at), v.stop_sequence
      LIMIT $4`,
    [vehicleId, from, to, limit],
  );
  return rows;
}
