// The crash heatmap as Mapbox vector tiles (ST_AsMVT): hexagons counted ahead (crash_heatmap_cells) where the filter
// allows, counted from the crashes otherwise; both give every hexagon touching the tile its whole count.
import type { CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import { epdoOfSeveritySql, epdoSql } from '../crashes/epdo-sql';
import type { Queryable } from '../db/pool';
import { SqlParams } from '../lib/sql-params';
import { cellsAnswer, cellsFromSql, crashCellsSql, tileCte, type TileAddress } from './crash-cells.sql';

export type { TileAddress } from './crash-cells.sql';

/** The vector tile's layer, as the map's style names it. */
export const HEATMAP_LAYER = 'crashes';
const TILE_EXTENT = 4096;
const TILE_BUFFER = 64;

/** The hexagons counted ahead: the cells of the zoom touching the tile, summed over the years, classes and sources. */
function hexagonsFromCells(filter: CrashFilter, weights: EpdoWeights, params: SqlParams): string {
  const weight = epdoOfSeveritySql(weights, params, 'h.severity');
  return `SELECT h.i, h.j, sum(h.crashes)::int AS crashes, sum(h.deaths)::int AS deaths, sum(h.serious)::int AS serious,
           sum(h.minor)::int AS minor, round(sum(h.crashes * ${weight})::numeric, 3)::float8 AS epdo
    ${cellsFromSql(filter, params)}
    GROUP BY h.i, h.j
    HAVING sum(h.crashes) > 0`;
}

/** The hexagons counted from the crashes of the cells touching the tile. */
function hexagonsFromCrashes(filter: CrashFilter, weights: EpdoWeights, params: SqlParams): string {
  const epdo = epdoSql(weights, params);
  const { cte, from } = crashCellsSql(
    filter,
    params,
    `c.deaths, c.serious_injuries, c.minor_injuries, ${epdo} AS epdo`,
  );
  return `WITH ${cte}
    SELECT cell.i, cell.j, count(*)::int AS crashes, sum(crash.deaths)::int AS deaths,
           sum(crash.serious_injuries)::int AS serious, sum(crash.minor_injuries)::int AS minor,
           round(sum(crash.epdo)::numeric, 3)::float8 AS epdo
    ${from}
    GROUP BY cell.i, cell.j`;
}

/**
 * The heatmap tile: the filtered crashes counted per hexagon (crash_hex_cell: the nearest centre of the ST_Hexagon
 * layout at the zoom's size, the same cells whatever the tile, so a hexagon on a tile edge shows the same figures in
 * both tiles), as one layer of polygons (crashes, deaths, serious, minor, epdo). An empty Buffer when none matches.
 */
export async function crashHeatmapTile(
  db: Queryable,
  tile: TileAddress,
  filter: CrashFilter,
  weights: EpdoWeights,
): Promise<Buffer> {
  const params = new SqlParams();
  const tileSql = tileCte(tile, tile.z, params);
  const hexagons = cellsAnswer(filter, tile.z)
    ? hexagonsFromCells(filter, weights, params)
    : hexagonsFromCrashes(filter, weights, params);
  const layer = `${params.add(HEATMAP_LAYER)}::text`;
  const extent = `${params.add(TILE_EXTENT)}::int`;
  const buffer = `${params.add(TILE_BUFFER)}::int`;
  const sql = `
    WITH ${tileSql},
    hexagon AS (${hexagons})
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
