// Reads one imported GTFS feed from PostGIS into the simulator's plain-data SimFeed.
import type { Queryable } from '@toc/server/db/pool';
import type { ServiceCalendar } from '../transit/service-day';
import type { SimFeed, SimTrip } from './sim-feed';
import { cumulativeDistancesM, type ShapePath } from './shape-path';

export async function loadSimFeed(db: Queryable, name: string): Promise<SimFeed | null> {
  const feed = await db.query<{ id: number; timezone: string }>('SELECT id, timezone FROM gtfs_feeds WHERE name = $1', [name]);
  const row = feed.rows[0];
  if (!row) return null;
  const id = [row.id];
  const [trips, stopTimes, shapes, stops, calendar, calendarDates] = await Promise.all([
    db.query<{ trip_id: string; route_id: string; route_type: number | null; service_id: string; block_id: string | null; shape_id: string | null }>(
      `SELECT t.trip_id, t.route_id, r.route_type, t.service_id, t.block_id, t.shape_id
         FROM gtfs_trips t LEFT JOIN gtfs_routes r ON r.feed_id = t.feed_id AND r.route_id = t.route_id WHERE t.feed_id = $1`,
      id,
    ),
    db.query<{ trip_id: string; stop_sequence: number; stop_id: string; arrival_s: number | null; departure_s: number | null }>(
      'SELECT trip_id, stop_sequence, stop_id, arrival_s, departure_s FROM gtfs_stop_times WHERE feed_id = $1 ORDER BY trip_id, stop_sequence',
      id,
    ),
    db.query<{ shape_id: string; coordinates: Array<[number, number]>; dist_m: number[] }>(
      "SELECT shape_id, (ST_AsGeoJSON(geom)::json)->'coordinates' AS coordinates, dist_m FROM gtfs_shapes WHERE feed_id = $1",
      id,
    ),
    db.query<{ stop_id: string; lon: number; lat: number }>('SELECT stop_id, ST_X(location) AS lon, ST_Y(location) AS lat FROM gtfs_stops WHERE feed_id = $1', id),
    db.query<{ service_id: string; weekdays: boolean[]; start_date: string; end_date: string }>(
      "SELECT service_id, weekdays, to_char(start_date, 'YYYYMMDD') AS start_date, to_char(end_date, 'YYYYMMDD') AS end_date FROM gtfs_calendar WHERE feed_id = $1",
      id,
    ),
    db.query<{ service_id: string; date: string; exception_type: 1 | 2 }>(
      "SELECT service_id, to_char(date, 'YYYYMMDD') AS date, exception_type FROM gtfs_calendar_dates WHERE feed_id = $1",
      id,
    ),
  ]);

  const tripMap = new Map<string, SimTrip>();
  for (const t of trips.rows) {
    tripMap.set(t.trip_id, {
      tripId: t.trip_id,
      routeId: t.route_id,
      routeType: t.route_type ?? 3,
      serviceId: t.service_id,
      blockId: t.block_id?.trim() || null,
      shapeId: t.shape_id,
      stopTimes: [],
    });
  }
  for (const st of stopTimes.rows) {
    tripMap.get(st.trip_id)?.stopTimes.push({ stopId: st.stop_id, stopSequence: st.stop_sequence, arrivalS: st.arrival_s, departureS: st.departure_s });
  }
  const shapeMap = new Map<string, ShapePath>();
  for (const s of shapes.rows) {
    // dist_m comes from the importer; recompute if it does not match the vertices (defensive, cheap).
    const distM = s.dist_m?.length === s.coordinates.length ? s.dist_m : cumulativeDistancesM(s.coordinates);
    shapeMap.set(s.shape_id, { coords: s.coordinates, distM });
  }
  const cal: ServiceCalendar = { calendar: new Map(), exceptions: new Map() };
  for (const c of calendar.rows) cal.calendar.set(c.service_id, { weekdays: c.weekdays, start: c.start_date, end: c.end_date });
  for (const d of calendarDates.rows) {
    let day = cal.exceptions.get(d.date);
    if (!day) cal.exceptions.set(d.date, (day = new Map()));
    day.set(d.service_id, d.exception_type);
  }
  return {
    feedId: row.id,
    name,
    timezone: row.timezone,
    calendar: cal,
    trips: tripMap,
    shapes: shapeMap,
    stops: new Map(stops.rows.map((s) => [s.stop_id, [s.lon, s.lat] as const])),
  };
}
