// Batched writes of one feed's rows: multi-row INSERTs over unnest()ed parameter arrays, one statement per batch.
import type { Queryable } from '../db/pool';
import type {
  AgencyRow,
  CalendarDateRow,
  CalendarRow,
  FrequencyRow,
  RouteRow,
  StopRow,
  StopTimeRow,
  TripRow,
} from './gtfs-rows';
import { lineStringWkt, type BuiltShape } from './shape-builder';

export const FEED_TABLES = [
  'gtfs_frequencies',
  'gtfs_stop_times',
  'gtfs_trips',
  'gtfs_shapes',
  'gtfs_calendar_dates',
  'gtfs_calendar',
  'gtfs_routes',
  'gtfs_stops',
  'gtfs_agencies',
] as const;

const col = <T, V>(rows: readonly T[], pick: (row: T) => V): V[] => rows.map(pick);
const json = (value: unknown) => JSON.stringify(value);

const SQL = {
  agencies: `INSERT INTO gtfs_agencies (feed_id, agency_id, name, url, timezone, lang, phone)
    SELECT $1::int, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
  stops: `INSERT INTO gtfs_stops (feed_id, stop_id, code, name, translations, description, location, zone_id, location_type, parent_station, wheelchair)
    SELECT $1::int, s.id, s.code, s.name, s.tr, s.descr, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), s.zone, s.ltype, s.parent, s.wheel
      FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::float8[], $8::float8[], $9::text[], $10::int2[], $11::text[], $12::int2[])
        AS s(id, code, name, tr, descr, lon, lat, zone, ltype, parent, wheel)`,
  routes: `INSERT INTO gtfs_routes (feed_id, route_id, agency_id, short_name, long_name, translations, route_type, color, text_color)
    SELECT $1::int, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int2[], $8::text[], $9::text[])`,
  calendar: `INSERT INTO gtfs_calendar (feed_id, service_id, weekdays, start_date, end_date)
    SELECT $1::int, c.id, ARRAY[c.mo, c.tu, c.we, c.th, c.fr, c.sa, c.su], c.start_date, c.end_date
      FROM unnest($2::text[], $3::bool[], $4::bool[], $5::bool[], $6::bool[], $7::bool[], $8::bool[], $9::bool[], $10::date[], $11::date[])
        AS c(id, mo, tu, we, th, fr, sa, su, start_date, end_date)`,
  calendarDates: `INSERT INTO gtfs_calendar_dates (feed_id, service_id, date, exception_type)
    SELECT $1::int, * FROM unnest($2::text[], $3::date[], $4::int2[])`,
  shapes: `INSERT INTO gtfs_shapes (feed_id, shape_id, geom, dist_m, length_m)
    SELECT $1::int, s.id, ST_GeomFromText(s.wkt, 4326), s.dist::float8[], s.len
      FROM unnest($2::text[], $3::text[], $4::text[], $5::float8[]) AS s(id, wkt, dist, len)`,
  trips: `INSERT INTO gtfs_trips (feed_id, trip_id, route_id, service_id, headsign, translations, direction_id, block_id, shape_id)
    SELECT $1::int, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int2[], $8::text[], $9::text[])`,
  stopTimes: `INSERT INTO gtfs_stop_times (feed_id, trip_id, stop_sequence, stop_id, arrival_s, departure_s, shape_dist_m, timepoint)
    SELECT $1::int, * FROM unnest($2::text[], $3::int4[], $4::text[], $5::int4[], $6::int4[], $7::float8[], $8::int2[])`,
  frequencies: `INSERT INTO gtfs_frequencies (feed_id, trip_id, start_s, end_s, headway_s, exact_times)
    SELECT $1::int, * FROM unnest($2::text[], $3::int4[], $4::int4[], $5::int4[], $6::int2[])`,
};

/** Postgres array literal for one float8[] value (unnest cannot yield arrays from a 2-D parameter). */
const floatArrayLiteral = (values: readonly number[]) => `{${values.join(',')}}`;

export const feedWriter = (db: Queryable, feedId: number) => ({
  agencies: (rows: AgencyRow[]) =>
    db.query(SQL.agencies, [
      feedId,
      col(rows, (r) => r.agencyId),
      col(rows, (r) => r.name),
      col(rows, (r) => r.url),
      col(rows, (r) => r.timezone),
      col(rows, (r) => r.lang),
      col(rows, (r) => r.phone),
    ]),
  stops: (rows: StopRow[]) =>
    db.query(SQL.stops, [
      feedId,
      col(rows, (r) => r.stopId),
      col(rows, (r) => r.code),
      col(rows, (r) => r.name),
      col(rows, (r) => json(r.translations)),
      col(rows, (r) => r.description),
      col(rows, (r) => r.lon),
      col(rows, (r) => r.lat),
      col(rows, (r) => r.zoneId),
      col(rows, (r) => r.locationType),
      col(rows, (r) => r.parentStation),
      col(rows, (r) => r.wheelchair),
    ]),
  routes: (rows: RouteRow[]) =>
    db.query(SQL.routes, [
      feedId,
      col(rows, (r) => r.routeId),
      col(rows, (r) => r.agencyId),
      col(rows, (r) => r.shortName),
      col(rows, (r) => r.longName),
      col(rows, (r) => json(r.translations)),
      col(rows, (r) => r.routeType),
      col(rows, (r) => r.color),
      col(rows, (r) => r.textColor),
    ]),
  calendar: (rows: CalendarRow[]) =>
    db.query(SQL.calendar, [
      feedId,
      col(rows, (r) => r.serviceId),
      ...[0, 1, 2, 3, 4, 5, 6].map((day) => col(rows, (r) => r.weekdays[day])),
      col(rows, (r) => r.startDate),
      col(rows, (r) => r.endDate),
    ]),
  calendarDates: (rows: CalendarDateRow[]) =>
    db.query(SQL.calendarDates, [
      feedId,
      col(rows, (r) => r.serviceId),
      col(rows, (r) => r.date),
      col(rows, (r) => r.exceptionType),
    ]),
  shapes: (rows: BuiltShape[]) =>
    db.query(SQL.shapes, [
      feedId,
      col(rows, (r) => r.shapeId),
      col(rows, (r) => lineStringWkt(r.points)),
      col(rows, (r) => floatArrayLiteral(r.distM)),
      col(rows, (r) => r.lengthM),
    ]),
  trips: (rows: TripRow[]) =>
    db.query(SQL.trips, [
      feedId,
      col(rows, (r) => r.tripId),
      col(rows, (r) => r.routeId),
      col(rows, (r) => r.serviceId),
      col(rows, (r) => r.headsign),
      col(rows, (r) => json(r.translations)),
      col(rows, (r) => r.directionId),
      col(rows, (r) => r.blockId),
      col(rows, (r) => r.shapeId),
    ]),
  stopTimes: (rows: StopTimeRow[]) =>
    db.query(SQL.stopTimes, [
      feedId,
      col(rows, (r) => r.tripId),
      col(rows, (r) => r.stopSequence),
      col(rows, (r) => r.stopId),
      col(rows, (r) => r.arrivalS),
      col(rows, (r) => r.departureS),
      col(rows, (r) => r.shapeDistM),
      col(rows, (r) => r.timepoint),
    ]),
  frequencies: (rows: FrequencyRow[]) =>
    db.query(SQL.frequencies, [
      feedId,
      col(rows, (r) => r.tripId),
      col(rows, (r) => r.startS),
      col(rows, (r) => r.endS),
      col(rows, (r) => r.headwayS),
      col(rows, (r) => r.exactTimes),
    ]),
});

export type FeedWriter = ReturnType<typeof feedWriter>;
