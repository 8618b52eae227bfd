// Getis-Ord Gi* hot spots of crashes on a hexagon grid, computed in PostGIS: every hexagon of the study region (empty
// ones too) with its crash count, and the Gi* z-score over itself and its six neighbours (binary weights).
import type { Queryable } from '../db/pool';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import { SqlParams } from '../lib/sql-params';

export interface HotspotCell {
  /** GeoJSON polygon (WGS 84). */
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  crashes: number;
  deaths: number;
  z: number | null;
}

export interface HotspotGrid {
  cells: HotspotCell[];
  /** Hexagons in the study region (the n of the statistic). */
  regionCells: number;
  meanPerCell: number;
}

/**
 * The hexagons of PostGIS's grid (ST_HexagonGrid): column i, row j; neighbours differ by these offsets, which depend on
 * the column's parity (measured on the grid itself: odd columns sit half a row higher).
 */
const NEIGHBOURS = `(VALUES (0, 0, 0), (0, 0, -1), (0, 0, 1), (0, -1, -1), (0, -1, 0), (0, 1, -1), (0, 1, 0),
  (1, 0, 0), (1, 0, -1), (1, 0, 1), (1, -1, 0), (1, -1, 1), (1, 1, 0), (1, 1, 1)) AS n (parity, di, dj)`;

/**
 * Gi* over `regionCode`'s hexagons of edge `cellM` metres (Web Mercator metres, corrected to ground metres at the
 * region's latitude), returning the hexagons with a crash or a z-score beyond ±1.645, at most `limit` of them.
 */
export async function hotspotGrid(
  db: Queryable,
  input: { filter: CrashFilter; regionCode: string; cellM: number; limit: number },
): Promise<HotspotGrid> {
  const params = new SqlParams();
  const where = crashFilterSql(input.filter, params);
  const region = params.add(input.regionCode);
  const cellM = params.add(input.cellM);
  const limit = params.add(input.limit);
  const { rows } = await db.query<{
    geometry: HotspotCell['geometry'] | null;
    crashes: number;
    deaths: number;
    z: number | null;
    n: number;
    mean: number;
  }>(
    `WITH region AS (
       SELECT ST_Transform(geom, 3857) AS g,
              -- Web Mercator stretches distances by 1/cos(latitude): a hexagon of cellM ground metres is larger in 3857.
              ${cellM}::float8 / cos(radians(ST_Y(ST_Centroid(geom)))) AS size
       FROM areas WHERE code = ${region}
     ),
     grid AS (
       SELECT h.i, h.j, h.geom FROM region, ST_HexagonGrid(region.size, region.g) h WHERE ST_Intersects(h.geom, region.g)
     ),
     points AS (
       SELECT ST_Transform(c.location, 3857) AS p, c.deaths
       FROM crashes c, areas a
       WHERE a.code = ${region} AND ST_Intersects(c.location, a.geom) AND ${where}
     ),
     located AS (
       -- The hexagon holding each crash, found from the grid of a tiny box around it (no scan of every hexagon).
       SELECT cell.i, cell.j, points.deaths
       FROM points, region,
            LATERAL (SELECT h.i, h.j FROM ST_HexagonGrid(region.size, ST_Expand(points.p, 0.01)) h
                     WHERE ST_Intersects(h.geom, points.p) LIMIT 1) cell
     ),
     -- Cells and crashes are matched by grouping on (i, j), not joined: a join of two CTEs this size can go to a
     -- nested loop (tens of thousands squared) for want of statistics.
     counted AS (
       SELECT i, j, (array_agg(geom) FILTER (WHERE geom IS NOT NULL))[1] AS geom,
              count(*) FILTER (WHERE geom IS NULL)::float8 AS x, coalesce(sum(deaths), 0)::int AS deaths
       FROM (SELECT i, j, geom, NULL::int AS deaths FROM grid
             UNION ALL SELECT i, j, NULL, deaths FROM located) cells_and_crashes
       GROUP BY i, j
       HAVING bool_or(geom IS NOT NULL)
     ),
     -- Materialised: inlined, the planner re-ran this aggregate for every cell of the region (n² on a large province).
     stats AS MATERIALIZED (
       SELECT count(*)::float8 AS n, avg(x) AS mean, sqrt(greatest(avg(x * x) - avg(x) ^ 2, 0)) AS s FROM counted
     ),
     -- Each cell sends its count to itself and its six neighbours (hexagon adjacency is symmetric, so what a cell
     -- receives is its local sum); only cells of the region send, so w counts the neighbours inside it.
     local AS (
       SELECT b.i + n.di AS i, b.j + n.dj AS j, count(*)::float8 AS w, sum(b.x) AS wx,
              (array_agg(b.geom) FILTER (WHERE n.di = 0 AND n.dj = 0))[1] AS geom,
              max(b.x) FILTER (WHERE n.di = 0 AND n.dj = 0) AS x,
              max(b.deaths) FILTER (WHERE n.di = 0 AND n.dj = 0) AS deaths
       FROM counted b
       JOIN ${NEIGHBOURS} ON n.parity = ((b.i % 2) + 2) % 2
       GROUP BY 1, 2
       HAVING bool_or(n.di = 0 AND n.dj = 0)
     ),
     scored AS (
       SELECT local.geom, local.x, local.deaths, stats.n, stats.mean,
              CASE WHEN stats.s > 0 AND stats.n > 1 AND stats.n * local.w - local.w ^ 2 > 0
                   THEN (local.wx - stats.mean * local.w)
                        / (stats.s * sqrt((stats.n * local.w - local.w ^ 2) / (stats.n - 1))) END AS z
       FROM local, stats
     )
     SELECT ST_AsGeoJSON(ST_Transform(geom, 4326), 6)::json AS geometry, x::int AS crashes, deaths, z,
            n::int AS n, mean
     FROM scored
     WHERE x > 0 OR abs(z) >= 1.645
     ORDER BY z DESC NULLS LAST
     LIMIT ${limit}`,
    params.values,
  );
  return {
    cells: rows.map((row) => ({
      geometry: row.geometry!,
      crashes: row.crashes,
      deaths: row.deaths,
      z: row.z,
    })),
    regionCells: rows[0]?.n ?? 0,
    meanPerCell: rows[0]?.mean ?? 0,
  };
}
