// Test helper: writes a FeedRows network into the GTFS tables with plain parameterised inserts (no importer needed).
import type { Queryable } from '@toc/server/db/pool';
import type { FeedRows } from '../src/transit/build-feed-model';

const isoDate = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;

export async function insertFeedRows(db: Queryable, rows: FeedRows): Promise<number> {
  const feed = await db.query<{ id: number }>(
    "INSERT INTO gtfs_feeds (name, source, timezone) VALUES ($1, 'test', $2) RETURNING id",
    [rows.feed.name, rows.feed.timezone],
  );
  const id = feed.rows[0]!.id;
  for (const s of rows.stops)
    await db.query(
      'INSERT INTO gtfs_stops (feed_id, stop_id, name, translations, location) VALUES ($1, $2, $3, $4, ST_SetSRID(ST_MakePoint($5, $6), 4326))',
      [id, s.stopId, s.name, JSON.stringify(s.translations), s.lon, s.lat],
    );
  for (const r of rows.routes)
    await db.query(
      'INSERT INTO gtfs_routes (feed_id, route_id, short_name, long_name, route_type, color) VALUES ($1, $2, $3, $4, $5, $6)',
      [id, r.routeId, r.shortName, r.longName, r.routeType, r.color?.slice(1) ?? null],
    );
  for (const s of rows.shapes)
    await db.query(
      "INSERT INTO gtfs_shapes (feed_id, shape_id, geom, dist_m, length_m) VALUES ($1, $2, ST_SetSRID(ST_GeomFromGeoJSON($3), 4326), '{}', 0)",
      [id, s.shapeId, JSON.stringify({ type: 'LineString', coordinates: s.coordinates })],
    );
  for (const c of rows.calendar)
    await db.query(
      'INSERT INTO gtfs_calendar (feed_id, service_id, weekdays, start_date, end_date) VALUES ($1, $2, $3, $4, $5)',
      [id, c.serviceId, c.weekdays, isoDate(c.startDate), isoDate(c.endDate)],
    );
  for (const t of rows.trips)
    await db.query(
      'INSERT INTO gtfs_trips (feed_id, trip_id, route_id, service_id, headsign, translations, direction_id, shape_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [
        id,
        t.tripId,
        t.routeId,
        t.serviceId,
        t.headsign,
        JSON.stringify(t.translations),
        t.directionId,
        t.shapeId,
      ],
    );
  await db.query(
    `INSERT INTO gtfs_stop_times (feed_id, trip_id, stop_sequence, stop_id, arrival_s, departure_s)
     SELECT $1, * FROM unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::int[])`,
    [
      id,
      rows.stopTimes.map((s) => s.tripId),
      rows.stopTimes.map((s) => s.stopSequence),
      rows.stopTimes.map((s) => s.stopId),
      rows.stopTimes.map((s) => s.arrivalS),
      rows.stopTimes.map((s) => s.departureS),
    ],
  );
  return id;
}
