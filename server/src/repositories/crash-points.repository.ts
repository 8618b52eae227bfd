// Crash points as Mapbox vector tiles (ST_AsMVT): from SINGLE_CRASH_ZOOM every crash on its own, with what a planner
// clicks it for; further out, clusters — the crashes of a hexagon cell four times finer than the heatmap's — drawn at
// their centroid with their count, read from the cells counted ahead where the filter allows.
import { crashFilterSql, SEVERITY_SQL, type CrashFilter } from '../crashes/crash-filter';
import type { Queryable } from '../db/pool';
import { SqlParams } from '../lib/sql-params';
import { SINGLE_CRASH_ZOOM } from '../schemas/crash-maps.schema';
import { cellsAnswer, cellsFromSql, crashCellsSql, tileCte, type TileAddress } from './crash-cells.sql';

/** The vector tile's layer, as the map's style names it. */
export const POINTS_LAYER = 'crash-points';
/** Clusters are the cells this many zooms deeper than the tile: about 48 across a tile. */
const CLUSTER_CELL_ZOOMS = 2;
const TILE_EXTENT = 4096;
/** Points near the edge are drawn by the neighbouring tile too, so circles cut by the edge are whole. */
const TILE_BUFFER = 256;

/** Every crash in the tile (and its buffer), with what its popup shows. */
function singleCrashesSql(filter: CrashFilter, params: SqlParams, extent: string, buffer: string): string {
  return `SELECT c.id, ST_AsMVTGeom(ST_Transform(c.location, 3857), tile.env, ${extent}, ${buffer}, true) AS geom,
           1 AS crashes, c.deaths, c.serious_injuries AS serious, c.minor_injuries AS minor, ${SEVERITY_SQL('c')} AS severity,
           c.source, c.year, to_char(c.occurred_at AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM-DD"T"HH24:MI') AS occurred,
           c.cause, c.crash_type AS "crashType", c.road_name AS "roadName"
    FROM crashes c CROSS JOIN tile
    WHERE c.location && ST_Transform(ST_Expand(tile.env, (ST_XMax(tile.env) - ST_XMin(tile.env)) * ${buffer} / ${extent}), 4326)
      AND ${crashFilterSql(filter, params)}`;
}

/** The clusters: a cell's crashes, summed, at their centroid (x, y) — from the cells counted ahead or the crashes. */
function clustersSql(filter: CrashFilter, params: SqlParams, cellZoom: number): string {
  if (cellsAnswer(filter, cellZoom)) {
    return `SELECT sum(h.crashes)::int AS crashes, sum(h.deaths)::int AS deaths, sum(h.serious)::int AS serious,
             sum(h.minor)::int AS minor, sum(h.sum_x) / sum(h.crashes) AS x, sum(h.sum_y) / sum(h.crashes) AS y
      ${cellsFromSql(filter, params)}
      GROUP BY h.i, h.j
      HAVING sum(h.crashes) > 0`;
  }
  const { cte, from } = crashCellsSql(filter, params, 'c.deaths, c.serious_injuries, c.minor_injuries');
  return `WITH ${cte}
    SELECT count(*)::int AS crashes, sum(crash.deaths)::int AS deaths, sum(crash.serious_injuries)::int AS serious,
           sum(crash.minor_injuries)::int AS minor, avg(crash.x) AS x, avg(crash.y) AS y
    ${from}
    GROUP BY cell.i, cell.j`;
}

/**
 * The crash points tile: one layer of points. A single crash has id, crashes 1, deaths, serious, minor, severity,
 * source, year, occurred (Bangkok time), cause, crashType and roadName; a cluster has crashes, deaths, serious, minor
 * and the worst severity among them. A cluster is in the tile its centroid is in (once on the map); an empty Buffer
 * when no crash matches.
 */
export async function crashPointsTile(
  db: Queryable,
  tile: TileAddress,
  filter: CrashFilter,
): Promise<Buffer> {
  const params = new SqlParams();
  const single = tile.z >= SINGLE_CRASH_ZOOM;
  const cellZoom = tile.z + CLUSTER_CELL_ZOOMS;
  const tileSql = tileCte(tile, cellZoom, params);
  const extent = `${params.add(TILE_EXTENT)}::int`;
  const features = single
    ? singleCrashesSql(filter, params, extent, `${params.add(TILE_BUFFER)}::int`)
    : `SELECT ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(k.x, k.y), 3857), tile.env, ${extent}, 0, true) AS geom,
              k.crashes, k.deaths, k.serious, k.minor, crash_severity(k.deaths, k.serious, k.minor) AS severity
       FROM (${clustersSql(filter, params, cellZoom)}) k CROSS JOIN tile
       WHERE k.x >= ST_XMin(tile.env) AND k.x < ST_XMax(tile.env)
         AND k.y > ST_YMin(tile.env) AND k.y <= ST_YMax(tile.env)`;
  const layer = `${params.add(POINTS_LAYER)}::text`;
  const sql = `
    WITH ${tileSql}
    SELECT ST_AsMVT(mvt, ${layer}, ${extent}, 'geom'${single ? ", 'id'" : ''}) AS mvt
    FROM (${features}) mvt
    WHERE mvt.geom IS NOT NULL`;
  const { rows } = await db.query<{ mvt: Buffer | null }>(sql, params.values);
  return rows[0]?.mvt ?? Buffer.alloc(0);
}
