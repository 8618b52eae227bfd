// The crash clusters' SQL: DBSCAN hot-spot clusters over the crash filter (the heatmap tiles: crash-heatmap.repository).
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import type { Queryable } from '../db/pool';
import { SqlParams } from '../lib/sql-params';
import { epdoSql } from '../crashes/epdo-sql';
import type { CrashCluster, CrashClusterCollection } from '../schemas';

export interface ClusterOptions {
  /** DBSCAN neighbour distance, metres. */
  epsM: number;
  minPoints: number;
  limit: number;
}

/** UTM zone 47N: metres for DBSCAN; covers 96–102° E, and its scale error stays under 1% out to Thailand's east. */
const METRIC_SRID = 32647;
/** A cluster on one line or one point has no area: it is drawn as this buffer round its crashes. */
const DEGENERATE_BUFFER_M = 25;

interface ClusterRow {
  geometry: CrashCluster['geometry'];
  lon: number;
  lat: number;
  crashes: number;
  deaths: number;
  serious: number;
  minor: number;
  epdo: number;
  years: number[];
  top_cause: string | null;
}

interface ClusterSummaryRow {
  crashes: number;
  clusters: number;
  clustered: number;
  features: ClusterRow[];
}

const toFeature = (row: ClusterRow, rank: number): CrashCluster => ({
  type: 'Feature',
  id: rank,
  geometry: row.geometry,
  properties: {
    clusterId: rank,
    crashes: row.crashes,
    deaths: row.deaths,
    serious: row.serious,
    minor: row.minor,
    epdo: row.epdo,
    years: row.years,
    topCause: row.top_cause,
    centroid: { lon: row.lon, lat: row.lat },
  },
});

/**
 * DBSCAN clusters of the filtered crashes (distance in metres, UTM 47N), highest EPDO first, the first `limit` of
 * them as GeoJSON polygons (convex hull) with the totals they were found among.
 */
export async function crashClusters(
  db: Queryable,
  filter: CrashFilter,
  weights: EpdoWeights,
  options: ClusterOptions,
): Promise<CrashClusterCollection> {
  const params = new SqlParams();
  const epdo = epdoSql(weights, params);
  const where = crashFilterSql(filter, params);
  const eps = `${params.add(options.epsM)}::float8`;
  const minPoints = `${params.add(options.minPoints)}::int`;
  const buffer = `${params.add(DEGENERATE_BUFFER_M)}::float8`;
  const limit = `${params.add(options.limit)}::int`;
  // The top cause leaves out crashes whose cause the source did not give or the vocabulary did not know.
  const sql = `
    WITH crash AS (
      SELECT ST_Transform(c.location, ${METRIC_SRID}) AS geom, c.year, c.cause, c.deaths, c.serious_injuries,
             c.minor_injuries, ${epdo} AS epdo
      FROM crashes c
      WHERE ${where}
    ),
    labelled AS (
      SELECT crash.*, ST_ClusterDBSCAN(geom, ${eps}, ${minPoints}) OVER () AS cluster
      FROM crash
    ),
    cluster AS (
      SELECT count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(serious_injuries)::int AS serious,
             sum(minor_injuries)::int AS minor, round(sum(epdo)::numeric, 3)::float8 AS epdo,
             array_agg(DISTINCT year ORDER BY year) AS years,
             mode() WITHIN GROUP (ORDER BY cause) FILTER (WHERE cause IS NOT NULL AND cause <> 'unknown') AS top_cause,
             ST_ConvexHull(ST_Collect(geom)) AS hull, ST_Transform(ST_Centroid(ST_Collect(geom)), 4326) AS centre,
             min(cluster) AS label
      FROM labelled
      WHERE cluster IS NOT NULL
      GROUP BY cluster
    ),
    shown AS (
      SELECT * FROM cluster ORDER BY epdo DESC, crashes DESC, deaths DESC, label LIMIT ${limit}
    )
    SELECT (SELECT count(*)::int FROM crash) AS crashes,
           (SELECT count(*)::int FROM cluster) AS clusters,
           (SELECT coalesce(sum(crashes), 0)::int FROM cluster) AS clustered,
           coalesce((
             SELECT json_agg(json_build_object(
                      'geometry', ST_AsGeoJSON(ST_Transform(
                        CASE WHEN ST_Dimension(hull) < 2 THEN ST_Buffer(hull, ${buffer}) ELSE hull END, 4326), 6)::json,
                      'lon', round(ST_X(centre)::numeric, 6), 'lat', round(ST_Y(centre)::numeric, 6),
                      'crashes', crashes, 'deaths', deaths, 'serious', serious, 'minor', minor, 'epdo', epdo,
                      'years', years, 'top_cause', top_cause)
                    ORDER BY epdo DESC, crashes DESC, deaths DESC, label)
             FROM shown), '[]'::json) AS features`;
  const { rows } = await db.query<ClusterSummaryRow>(sql, params.values);
  const summary = rows[0]!;
  return {
    type: 'FeatureCollection',
    features: summary.features.map((row, index) => toFeature(row, index + 1)),
    crashes: summary.crashes,
    clusters: summary.clusters,
    clusteredCrashes: summary.clustered,
  };
}
