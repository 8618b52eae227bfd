// SQL shared by the crash map tiles: the tile and its hexagon cells (crash_hex_cell, migration 025), and the two ways
// of finding a cell's crashes — from the cells counted ahead (crash_heatmap_cells) or from the crashes themselves.
import { countedAheadAnswers, countedAheadConditions } from '../crashes/counted-ahead';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { SqlParams } from '../lib/sql-params';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** The deepest zoom crash_heatmap_cells holds (migration 025); deeper cells cover few crashes and are counted live. */
export const CELL_MAX_ZOOM = 13;

/**
 * Whether the cells counted ahead answer this filter at a cell zoom: they are kept per year, severity class and source
 * (countedAheadAnswers) down to CELL_MAX_ZOOM.
 */
export function cellsAnswer(filter: CrashFilter, cellZoom: number): boolean {
  return cellZoom <= CELL_MAX_ZOOM && countedAheadAnswers(filter);
}

/**
 * The `tile` CTE: the tile's envelope (env, EPSG:3857), the cells' zoom (z), size (s, circumradius) and row height
 * (h), and the box within one size of the tile (x0…x1, y0…y1) where the centre of a cell touching it lies.
 */
export function tileCte(tile: TileAddress, cellZoom: number, params: SqlParams): string {
  const z = `${params.add(tile.z)}::int`;
  const envelope = `ST_TileEnvelope(${z}, ${params.add(tile.x)}::int, ${params.add(tile.y)}::int)`;
  const cellZ = `${params.add(cellZoom)}::int`;
  return `tile AS (
      SELECT env, s, s * sqrt(3) AS h, ${cellZ} AS z,
             ST_XMin(env) - s AS x0, ST_XMax(env) + s AS x1, ST_YMin(env) - s AS y0, ST_YMax(env) + s AS y1
      FROM (SELECT ${envelope} AS env, crash_hex_size(${cellZ}) AS s) t
    )`;
}

/** The cell's centre lies within one size of the tile: its hexagon (and every crash in it) may touch the tile. */
const nearCentre = (cell: string) =>
  `1.5 * tile.s * ${cell}.i BETWEEN tile.x0 AND tile.x1
   AND tile.h * (${cell}.j + 0.5 * (abs(${cell}.i) % 2)::float8) BETWEEN tile.y0 AND tile.y1`;

/**
 * FROM and WHERE over the cells counted ahead (alias h: i, j, year, severity, source, crashes, deaths, serious,
 * minor, sum_x, sum_y) touching the tile, for a filter cellsAnswer accepts. One index range per column of the tile
 * (a single range over the columns would read them from pole to pole).
 */
export function cellsFromSql(filter: CrashFilter, params: SqlParams): string {
  const where = ['h.z = tile.z', ...countedAheadConditions(filter, params, 'h')];
  return `FROM tile
      CROSS JOIN LATERAL generate_series(floor(tile.x0 / (1.5 * tile.s))::bigint, ceil(tile.x1 / (1.5 * tile.s))::bigint)
        AS col (i)
      JOIN crash_heatmap_cells h ON h.i = col.i
        AND h.j BETWEEN floor(tile.y0 / tile.h)::bigint - 1 AND ceil(tile.y1 / tile.h)::bigint
    WHERE ${where.join(' AND ')} AND ${nearCentre('h')}`;
}

/**
 * The filtered crashes of the cells touching the tile, each with its cell: a `crash` CTE (x, y in EPSG:3857 and the
 * given columns of crashes c) to put first, and FROM/WHERE giving crash.* and cell.i, cell.j. The filter runs first
 * (an area may leave few of the crashes near the tile); a crash of such a cell lies within two sizes of the tile.
 * The cell is worked out once per crash (OFFSET 0 keeps crash_hex_cell from being inlined, which copied its expression
 * into each condition and grouping key: measured on a z9 Chachoengsao points tile, 105 → 61 ms).
 */
export function crashCellsSql(
  filter: CrashFilter,
  params: SqlParams,
  columns: string,
): { cte: string; from: string } {
  const where = crashFilterSql(filter, params);
  return {
    cte: `crash AS MATERIALIZED (
      SELECT ST_X(m.g) AS x, ST_Y(m.g) AS y, ${columns}
      FROM crashes c CROSS JOIN tile CROSS JOIN LATERAL (SELECT ST_Transform(c.location, 3857) AS g) m
      WHERE c.location && ST_Transform(ST_Expand(tile.env, 2 * tile.s), 4326)
        AND ${where}
    )`,
    from: `FROM crash
      CROSS JOIN tile
      CROSS JOIN LATERAL (SELECT * FROM crash_hex_cell(crash.x, crash.y, tile.s) OFFSET 0) cell
    WHERE ${nearCentre('cell')}`,
  };
}
