// The crash maps' SQL: hexagon heatmap vector tiles (ST_AsMVT) and DBSCAN hot-spot clusters over the crash filter.
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import type { Queryable } from '../db/pool';
import { SqlParams } from '../lib/sql-params';
import { epdoSql } from '../crashes/epdo-sql';
import type { CrashCluster, CrashClusterCollection } from '../schemas';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

export interface ClusterOptions {
  /** DBSCAN neighbour distance, metres. */
  epsM: number;
  minPoints: number;
  limit: number;
}

/** The vector tile's layer, as the map's style names it. */
export const HEATMAP_LAYER = 'crashes';
const TILE_EXTENT = 4096;
const TILE_BUFFER = 64;
/** Width of the whole Web Mercator square (EPSG:3857), metres. */
const WEB_MERCATOR_WIDTH = 2 * 20_037_508.342789244;
/** Hexagon circumradius as a share of the tile's width: about 12 hexagons across a tile at every zoom. */
const HEXAGON_SIZES_PER_TILE = 24;
/** UTM zone 47N: metres for DBSCAN; covers 96–102° E, and its scale error stays under 1% out to Thailand's east. */
const METRIC_SRID = 32647;
/** A cluster on one line or one point has no area: it is drawn as this buffer round its crashes. */
const DEGENERATE_BUFFER_M = 25;

/** Hexagon circumradius (metres in EPSG:3857) at a zoom, halving with each zoom level. */
export const hexagonSize = (z: number) => WEB_MERCATOR_WIDTH / 2 ** z / HEXAGON_SIZES_PER_TILE;

/**
 * The heatmap tile: the filtered crashes inside the tile's envelope counted per hexagon of the ST_HexagonGrid grid
 * (EPSG:3857, origin 0,0; the same cells whatever the tile), as a Mapbox vector tile with one layer of polygons
 * (crashes, deaths, serious, minor, epdo). An empty Buffer when no crash matches.
 */
export async function crashHeatmapTile(
  db: Queryable,
  tile: TileAddress,
  filter: CrashFilter,
  weights: EpdoWeights,
): Promise<Buffer> {
  const params = new SqlParams();
  const envelope = `ST_TileEnvelope(${params.add(tile.z)}::int, ${params.add(tile.x)}::int, ${params.add(tile.y)}::int)`;
  const size = `${params.add(hexagonSize(tile.z))}::float8`;
  const epdo = epdoSql(weights, params);
  const where = crashFilterSql(filter, params);
  const layer = `${params.add(HEATMAP_LAYER)}::text`;
  const extent = `${params.add(TILE_EXTENT)}::int`;
  const buffer = `${params.add(TILE_BUFFER)}::int`;
  // Each crash goes to the one hexagon whose centre is nearest (its cell), worked out from the grid's layout —
  // columns 1.5·size apart, odd columns half a row up — rather than by joining points to polygons: a crash on a
  // shared edge is counted once, and the cost is one pass over the tile's crashes. Candidates are the two columns
  // either side of the crash, each at its nearest row.
  const sql = `
    WITH tile AS (SELECT ${envelope} AS env, ${size} AS s, ${size} * sqrt(3) AS h),
    crash AS (
      SELECT ST_X(m.g) AS px, ST_Y(m.g) AS py, c.deaths, c.serious_injuries, c.minor_injuries, ${epdo} AS epdo
      FROM crashes c
        CROSS JOIN tile
        CROSS JOIN LATERAL (SELECT ST_Transform(c.location, 3857) AS g) m
      WHERE c.location && ST_Transform(tile.env, 4326)
        AND ${where}
    ),
    cell AS (
      SELECT best.i, best.j, crash.*
      FROM crash
        CROSS JOIN tile
        CROSS JOIN LATERAL (
          SELECT cand.i, cand.j
          FROM (
            SELECT col.i, round((crash.py - tile.h * 0.5 * (abs(col.i) % 2)) / tile.h)::bigint AS j
            FROM (VALUES (floor(crash.px / (1.5 * tile.s))::bigint),
                         (floor(crash.px / (1.5 * tile.s))::bigint + 1)) AS col (i)
          ) cand
          ORDER BY (crash.px - 1.5 * tile.s * cand.i) ^ 2
                 + (crash.py - tile.h * (cand.j + 0.5 * (abs(cand.i) % 2))) ^ 2, cand.i, cand.j
          LIMIT 1
        ) best
    ),
    hexagon AS (
      SELECT i, j, count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(serious_injuries)::int AS serious,
             sum(minor_injuries)::int AS minor, round(sum(epdo)::numeric, 3)::float8 AS epdo
      FROM cell
      GROUP BY i, j
    )
    SELECT ST_AsMVT(mvt, ${layer}, ${extent}, 'geom') AS mvt
    FROM (
      SELECT ST_AsMVTGeom(ST_Hexagon(tile.s, hexagon.i::int, hexagon.j::int, ST_SetSRID(ST_MakePoint(0, 0), 3857)),
                          tile.env, ${extent}, ${buffer}, true) AS geom,
             hexagon.crashes, hexagon.deaths, hexagon.serious, hexagon.minor, hexagon.epdo
      FROM hexagon CROSS JOIN tile
    ) mvt`;
  const { rows } = await db.query<{ mvt: Buffer | null }>(sql, params.values);
  return rows[0]?.mvt ?? Buffer.alloc(0);
}

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
