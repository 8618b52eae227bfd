// SQL for the transit read API: imported feeds, routes with their shapes, stops as GeoJSON, and one stop's routes.
import type { Queryable } from '../db/pool';
import type {
  GtfsFeed,
  StopRoute,
  TransitRouteCollection,
  TransitStopCollection,
  TransitStopDetail,
} from '../schemas';

/** Stops returned at most per request; a whole national feed is not a map layer. */
export const MAX_STOPS = 20_000;

interface FeedRow {
  id: number;
  name: string;
  source: string;
  timezone: string;
  imported_at: Date;
  counts: Record<string, number>;
}

const toFeed = (row: FeedRow): GtfsFeed => ({
  id: row.id,
  name: row.name,
  source: row.source,
  timezone: row.timezone,
  importedAt: row.imported_at.toISOString(),
  counts: row.counts,
});

export async function listFeeds(db: Queryable): Promise<GtfsFeed[]> {
  const { rows } = await db.query<FeedRow>(
    'SELECT id, name, source, timezone, imported_at, counts FROM gtfs_feeds ORDER BY name',
  );
  return rows.map(toFeed);
}

/** A feed by numeric id or by name. */
export async function findFeed(db: Queryable, feed: string): Promise<GtfsFeed | null> {
  const id = /^\d{1,9}$/.test(feed) ? Number(feed) : null;
  const { rows } = await db.query<FeedRow>(
    'SELECT id, name, source, timezone, imported_at, counts FROM gtfs_feeds WHERE id = $1 OR name = $2',
    [id, feed],
  );
  return rows[0] ? toFeed(rows[0]) : null;
}

export async function feedNameTaken(db: Queryable, name: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM gtfs_feeds WHERE name = $1', [name]);
  return (rowCount ?? 0) > 0;
}

export async function deleteFeed(db: Queryable, id: number): Promise<GtfsFeed | null> {
  const { rows } = await db.query<FeedRow>(
    'DELETE FROM gtfs_feeds WHERE id = $1 RETURNING id, name, source, timezone, imported_at, counts',
    [id],
  );
  return rows[0] ? toFeed(rows[0]) : null;
}

type RouteFeature = TransitRouteCollection['features'][number];

/** Each route with the distinct shapes its trips use, as one MultiLineString. */
export async function listRoutes(db: Queryable, feedId: number | null): Promise<TransitRouteCollection> {
  const { rows } = await db.query<{ feature: RouteFeature }>(
    `SELECT json_build_object(
              'type', 'Feature',
              'geometry', (SELECT ST_AsGeoJSON(ST_Multi(ST_Collect(s.geom ORDER BY s.shape_id)), 6)::json
                             FROM gtfs_shapes s
                            WHERE s.feed_id = r.feed_id
                              AND s.shape_id IN (SELECT DISTINCT t.shape_id FROM gtfs_trips t WHERE t.feed_id = r.feed_id AND t.route_id = r.route_id)),
              'properties', json_build_object(
                'feedId', r.feed_id, 'routeId', r.route_id, 'agencyId', r.agency_id, 'shortName', r.short_name,
                'longName', r.long_name, 'translations', r.translations, 'routeType', r.route_type, 'color', r.color,
                'textColor', r.text_color,
                'shapeIds', COALESCE((SELECT json_agg(DISTINCT t.shape_id) FROM gtfs_trips t
                                       WHERE t.feed_id = r.feed_id AND t.route_id = r.route_id AND t.shape_id IS NOT NULL), '[]'::json))
            ) AS feature
       FROM gtfs_routes r
      WHERE $1::int IS NULL OR r.feed_id = $1
      ORDER BY r.feed_id, r.short_name NULLS LAST, r.route_id`,
    [feedId],
  );
  return { type: 'FeatureCollection', features: rows.map((row) => row.feature) };
}

const STOP_PROPERTIES = `json_build_object('feedId', s.feed_id, 'stopId', s.stop_id, 'code', s.code, 'name', s.name,
  'translations', s.translations, 'locationType', s.location_type, 'parentStation', s.parent_station, 'wheelchair', s.wheelchair)`;

export async function listStops(
  db: Queryable,
  feedId: number | null,
  bbox: [number, number, number, number] | null,
): Promise<TransitStopCollection> {
  const { rows } = await db.query<{ feature: TransitStopCollection['features'][number] }>(
    `SELECT json_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(s.location, 7)::json, 'properties', ${STOP_PROPERTIES}) AS feature
       FROM gtfs_stops s
      WHERE ($1::int IS NULL OR s.feed_id = $1)
        AND ($2::float8 IS NULL OR s.location && ST_MakeEnvelope($2, $3, $4, $5, 4326))
      ORDER BY s.feed_id, s.stop_id
      LIMIT $6`,
    [feedId, ...(bbox ?? [null, null, null, null]), MAX_STOPS],
  );
  return { type: 'FeatureCollection', features: rows.map((row) => row.feature) };
}

/** A stop by id in one feed, or (no feed given) in the newest feed that has it. */
export async function findStop(
  db: Queryable,
  stopId: string,
  feedId: number | null,
): Promise<Omit<TransitStopDetail, 'routes'> | null> {
  const { rows } = await db.query<{ stop: Omit<TransitStopDetail, 'routes'> }>(
    `SELECT ${STOP_PROPERTIES}::jsonb || jsonb_build_object('description', s.description, 'lon', ST_X(s.location), 'lat', ST_Y(s.location),
              'feedName', f.name, 'timezone', f.timezone) AS stop
       FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id
      WHERE s.stop_id = $1 AND ($2::int IS NULL OR s.feed_id = $2)
      ORDER BY f.imported_at DESC, f.id DESC
      LIMIT 1`,
    [stopId, feedId],
  );
  return rows[0]?.stop ?? null;
}

/** Routes whose trips call at the stop (or, for a station, at one of its platforms), with their headsigns. */
export async function listStopRoutes(db: Queryable, feedId: number, stopId: string): Promise<StopRoute[]> {
  const { rows } = await db.query<StopRoute>(
    `WITH here AS (
       SELECT stop_id FROM gtfs_stops WHERE feed_id = $1 AND (stop_id = $2 OR parent_station = $2)
     ), trips AS (
       SELECT DISTINCT t.route_id, t.headsign
         FROM gtfs_stop_times st JOIN gtfs_trips t ON t.feed_id = st.feed_id AND t.trip_id = st.trip_id
        WHERE st.feed_id = $1 AND st.stop_id IN (SELECT stop_id FROM here)
     )
     SELECT r.route_id AS "routeId", r.short_name AS "shortName", r.long_name AS "longName", r.translations,
            r.route_type AS "routeType", r.color, r.text_color AS "textColor",
            COALESCE(array_agg(DISTINCT trips.headsign) FILTER (WHERE trips.headsign IS NOT NULL), '{}') AS headsigns
       FROM trips JOIN gtfs_routes r ON r.feed_id = $1 AND r.route_id = trips.route_id
      GROUP BY r.route_id, r.short_name, r.long_name, r.translations, r.route_type, r.color, r.text_color
      ORDER BY r.short_name NULLS LAST, r.route_id`,
    [feedId, stopId],
  );
  return rows;
}

/** Changes whenever a feed is imported, re-imported or deleted: the GPS worker reloads its model when it does. */
export async function feedsVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ n: number; at: Date | null }>(
    'SELECT count(*)::int AS n, max(imported_at) AS at FROM gtfs_feeds',
  );
  return `${rows[0]!.n}:${rows[0]!.at?.toISOString() ?? ''}`;
}
