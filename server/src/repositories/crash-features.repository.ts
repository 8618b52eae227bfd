// Crashes as GeoJSON features for the OGC API: a filtered, bounded page in a stable order, with the number matched.
import type { Queryable } from '../db/pool';
import { crashFilterSql, SEVERITY_SQL, type CrashFilter } from '../crashes/crash-filter';
import { SqlParams } from '../lib/sql-params';

export interface CrashFeatureRow {
  id: string;
  lon: number;
  lat: number;
  source: string;
  occurred_at: Date | null;
  year: number;
  province: string | null;
  road_code: string | null;
  road_name: string | null;
  km: number | null;
  cause: string | null;
  crash_type: string | null;
  weather: string | null;
  road_feature: string | null;
  vehicle_codes: string[];
  pedestrians: number;
  deaths: number;
  serious_injuries: number;
  minor_injuries: number;
  severity: string;
}

export interface CrashPageQuery {
  filter: CrashFilter;
  /** minLon, minLat, maxLon, maxLat (WGS 84). */
  bbox?: [number, number, number, number];
  /** occurred_at within [start, end] (either open); crashes known only by their year never match. */
  datetime?: { start: Date | null; end: Date | null };
  id?: number;
  /** Keyset paging for long exports: only crashes after this id. */
  afterId?: number;
  limit: number;
  offset: number;
}

const COLUMNS = `c.id::text AS id, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, c.source, c.occurred_at, c.year,
  c.province, c.road_code, c.road_name, c.km, c.cause, c.crash_type, c.weather, c.road_feature, c.vehicle_codes,
  c.pedestrians, c.deaths, c.serious_injuries, c.minor_injuries, ${SEVERITY_SQL('c')} AS severity`;

function where(query: Omit<CrashPageQuery, 'limit' | 'offset'>, params: SqlParams): string {
  const parts = [crashFilterSql(query.filter, params)];
  if (query.bbox)
    parts.push(`c.location && ST_MakeEnvelope(${query.bbox.map((v) => params.add(v)).join(', ')}, 4326)`);
  if (query.datetime?.start) parts.push(`c.occurred_at >= ${params.add(query.datetime.start)}`);
  if (query.datetime?.end) parts.push(`c.occurred_at <= ${params.add(query.datetime.end)}`);
  if (query.datetime && !query.datetime.start && !query.datetime.end) parts.push('c.occurred_at IS NOT NULL');
  if (query.id !== undefined) parts.push(`c.id = ${params.add(query.id)}`);
  if (query.afterId !== undefined) parts.push(`c.id > ${params.add(query.afterId)}`);
  return parts.join('\n  AND ');
}

/** One page of crashes by id, without counting every match (an export reads page after page). */
export async function crashFeatureRows(
  db: Queryable,
  query: Omit<CrashPageQuery, 'offset'>,
): Promise<CrashFeatureRow[]> {
  const params = new SqlParams();
  const condition = where(query, params);
  const { rows } = await db.query<CrashFeatureRow>(
    `SELECT ${COLUMNS} FROM crashes c WHERE ${condition} ORDER BY c.id LIMIT ${params.add(query.limit)}`,
    params.values,
  );
  return rows;
}

/** One page of crashes by id, and how many match in all. */
export async function crashFeaturePage(
  db: Queryable,
  query: CrashPageQuery,
): Promise<{ rows: CrashFeatureRow[]; matched: number }> {
  const params = new SqlParams();
  const condition = where(query, params);
  const counted = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM crashes c WHERE ${condition}`,
    params.values,
  );
  const limit = params.add(query.limit);
  const offset = params.add(query.offset);
  const { rows } = await db.query<CrashFeatureRow>(
    `SELECT ${COLUMNS} FROM crashes c WHERE ${condition} ORDER BY c.id LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  return { rows, matched: counted.rows[0]!.n };
}

/** The crashes' extent: bounding box and first and last times. */
export async function crashExtent(
  db: Queryable,
): Promise<{ bbox: [number, number, number, number] | null; first: Date | null; last: Date | null }> {
  const { rows } = await db.query<{
    xmin: number | null;
    ymin: number | null;
    xmax: number | null;
    ymax: number | null;
    first: Date | null;
    last: Date | null;
  }>(
    `SELECT ST_XMin(e) AS xmin, ST_YMin(e) AS ymin, ST_XMax(e) AS xmax, ST_YMax(e) AS ymax, first, last
     FROM (SELECT ST_Extent(location) AS e, min(occurred_at) AS first, max(occurred_at) AS last FROM crashes) s`,
  );
  const row = rows[0]!;
  return {
    bbox: row.xmin === null ? null : [row.xmin, row.ymin!, row.xmax!, row.ymax!],
    first: row.first,
    last: row.last,
  };
}
