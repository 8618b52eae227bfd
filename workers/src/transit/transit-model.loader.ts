// Reads every imported GTFS feed and the vehicles' bindings from PostGIS into the in-memory transit model.
import type { Queryable } from '@toc/server/db/pool';
import type { Translations } from '@toc/server/schemas';
import { buildFeedModel, type FeedRows } from './build-feed-model';
import type { FeedModel, TransitModel, VehicleInfo } from './transit-model';

const hexColor = (value: string | null) => {
  const hex = value?.trim().replace(/^#/, '');
  return hex && /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex.toLowerCase()}` : null;
};

async function loadFeedRows(db: Queryable, feed: FeedRows['feed']): Promise<FeedRows> {
  const id = [feed.feedId];
  const [stops, routes, shapes, trips, stopTimes, frequencies, calendar, calendarDates] = await Promise.all([
    db.query<{ stop_id: string; name: string; translations: Translations; lon: number; lat: number }>(
      'SELECT stop_id, name, translations, ST_X(location) AS lon, ST_Y(location) AS lat FROM gtfs_stops WHERE feed_id = $1',
      id,
    ),
    db.query<{
      route_id: string;
      short_name: string | null;
      long_name: string | null;
      color: string | null;
      route_type: number;
    }>('SELECT route_id, short_name, long_name, color, route_type FROM gtfs_routes WHERE feed_id = $1', id),
    db.query<{ shape_id: string; coordinates: Array<[number, number]> }>(
      "SELECT shape_id, (ST_AsGeoJSON(geom)::json)->'coordinates' AS coordinates FROM gtfs_shapes WHERE feed_id = $1",
      id,
    ),
    db.query<{
      trip_id: string;
      route_id: string;
      service_id: string;
      headsign: string | null;
      translations: Translations;
      direction_id: number | null;
      block_id: string | null;
      shape_id: string | null;
    }>(
      'SELECT trip_id, route_id, service_id, headsign, translations, direction_id, block_id, shape_id FROM gtfs_trips WHERE feed_id = $1',
      id,
    ),
    db.query<{
      trip_id: string;
      stop_sequence: number;
      stop_id: string;
      arrival_s: number | null;
      departure_s: number | null;
    }>(
      'SELECT trip_id, stop_sequence, stop_id, arrival_s, departure_s FROM gtfs_stop_times WHERE feed_id = $1 ORDER BY trip_id, stop_sequence',
      id,
    ),
    db.query<{ trip_id: string; start_s: number; end_s: number; headway_s: number }>(
      'SELECT trip_id, start_s, end_s, headway_s FROM gtfs_frequencies WHERE feed_id = $1 ORDER BY trip_id, start_s',
      id,
    ),
    db.query<{ service_id: string; weekdays: boolean[]; start_date: string; end_date: string }>(
      "SELECT service_id, weekdays, to_char(start_date, 'YYYYMMDD') AS start_date, to_char(end_date, 'YYYYMMDD') AS end_date FROM gtfs_calendar WHERE feed_id = $1",
      id,
    ),
    db.query<{ service_id: string; date: string; exception_type: number }>(
      "SELECT service_id, to_char(date, 'YYYYMMDD') AS date, exception_type FROM gtfs_calendar_dates WHERE feed_id = $1",
      id,
    ),
  ]);
  return {
    feed,
    stops: stops.rows.map((s) => ({
      stopId: s.stop_id,
      name: s.name,
      translations: s.translations ?? {},
      lon: s.lon,
      lat: s.lat,
    })),
    routes: routes.rows.map((r) => ({
      routeId: r.route_id,
      shortName: r.short_name?.trim() || null,
      longName: r.long_name?.trim() || null,
      color: hexColor(r.color),
      routeType: r.route_type,
    })),
    shapes: shapes.rows.map((s) => ({ shapeId: s.shape_id, coordinates: s.coordinates })),
    trips: trips.rows.map((t) => ({
      tripId: t.trip_id,
      routeId: t.route_id,
      serviceId: t.service_id,
      headsign: t.headsign,
      translations: t.translations ?? {},
      directionId: t.direction_id,
      blockId: t.block_id?.trim() || null,
      shapeId: t.shape_id,
    })),
    stopTimes: stopTimes.rows.map((st) => ({
      tripId: st.trip_id,
      stopSequence: st.stop_sequence,
      stopId: st.stop_id,
      arrivalS: st.arrival_s,
      departureS: st.departure_s,
    })),
    frequencies: frequencies.rows.map((f) => ({
      tripId: f.trip_id,
      startS: f.start_s,
      endS: f.end_s,
      headwayS: f.headway_s,
    })),
    calendar: calendar.rows.map((c) => ({
      serviceId: c.service_id,
      weekdays: c.weekdays,
      startDate: c.start_date,
      endDate: c.end_date,
    })),
    calendarDates: calendarDates.rows.map((d) => ({
      serviceId: d.service_id,
      date: d.date,
      exceptionType: d.exception_type,
    })),
  };
}

export async function loadVehicles(db: Queryable): Promise<Map<number, VehicleInfo>> {
  const { rows } = await db.query<{
    id: number;
    label: string;
    electric: boolean;
    feed_id: number | null;
    route_id: string | null;
    block_id: string | null;
  }>('SELECT id, label, electric, feed_id, route_id, block_id FROM vehicles');
  return new Map(
    rows.map((v) => [
      v.id,
      {
        vehicleId: v.id,
        label: v.label,
        electric: v.electric,
        feedId: v.feed_id,
        routeId: v.route_id,
        blockId: v.block_id?.trim() || null,
      },
    ]),
  );
}

export async function loadTransitModel(db: Queryable, feedIds?: readonly number[]): Promise<TransitModel> {
  const { rows } = await db.query<{ id: number; name: string; timezone: string }>(
    'SELECT id, name, timezone FROM gtfs_feeds ORDER BY id',
  );
  const feeds = new Map<number, FeedModel>();
  for (const f of rows) {
    if (feedIds && !feedIds.includes(f.id)) continue;
    feeds.set(
      f.id,
      buildFeedModel(await loadFeedRows(db, { feedId: f.id, name: f.name, timezone: f.timezone })),
    );
  }
  return { feeds, vehicles: await loadVehicles(db) };
}
