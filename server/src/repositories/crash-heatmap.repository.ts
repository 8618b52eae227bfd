// The crash heatmap as Mapbox vector tiles (ST_AsMVT): hexagons counted ahead (crash_heatmap_cells) where the filter
// allows, counted from the crashes otherwise; both give every hexagon touching the tile its whole count.
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import { epdoSql } from '../crashes/epdo-sql';
import type { Queryable } from '../db/pool';
import { SqlParams } from '../lib/sql-params';

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** The vector tile's layer, as the map's style names it. */
export const HEATMAP_LAYER = 'crashes';
/** The deepest zoom crash_heatmap_cells holds (migration 025); deeper tiles cover few crashes and are counted live. */
export const HEATMAP_CELL_MAX_ZOOM = 11;
const TILE_EXTENT = 4096;
const TILE_BUFFER = 64;

const JANUARY_FIRST = /^\d{4}-01-01$/;
const DECEMBER_LAST = /^\d{4}-12-31$/;

/**
 * Whether the cells counted ahead answer this filter: they are kept per year, severity class and source, so a filter
 * of whole years, severities and sources (or none) is read from them; an area, a drawn polygon, a part of a year,
 * weekdays, hours, a festival or a vocabulary choice is counted from the crashes.
 */
export function cellsAnswer(filter: CrashFilter, z: number): boolean {
  if (z > HEATMAP_CELL_MAX_ZOOM) return false;
  const kept = new Set<keyof CrashFilter>(['from', 'to', 'severities', 'sources']);
  const others = Object.entries(filter).filter(([key]) => !kept.has(key as keyof CrashFilter));
  if (others.some(([, value]) => value !== undefined)) return false;
  return (!filter.from || JANUARY_FIRST.test(filter.from)) && (!filter.to || DECEMBER_LAST.test(filter.to));
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** The cell's centre lies within one hexagon size of the tile (x0…x1, y0…y1): its hexagon may show in the tile. */
const NEAR_CENTRE = (cell: string) =>
  `1.5 * tile.s * ${cell}.i BETWEEN tile.x0 AND tile.x1
   AND tile.h * (${cell}.j + 0.5 * (abs(${cell}.i) % 2)::float8) BETWEEN tile.y0 AND tile.y1`;

/** The hexagons counted ahead: the cells of the zoom touching the tile, summed over the years, classes and sources. */
function hexagonsFromCells(filter: CrashFilter, weights: EpdoWeights, params: SqlParams): string {
  const where = ['h.z = tile.z'];
  if (filter.from) where.push(`h.year >= ${params.add(yearOf(filter.from))}::int`);
  if (filter.to) where.push(`h.year <= ${params.add(yearOf(filter.to))}::int`);
  if (filter.severities) where.push(`h.severity = ANY(${params.add(filter.severities)}::text[])`);
  if (filter.sources) where.push(`h.source = ANY(${params.add(filter.sources)}::text[])`);
  const weight = `(CASE h.severity WHEN 'fatal' THEN ${params.add(weights.fatal)}::float8
    WHEN 'serious' THEN ${params.add(weights.serious)}::float8 WHEN 'minor' THEN ${params.add(weights.minor)}::float8
    ELSE ${params.add(weights.damage_only)}::float8 END)`;
  // One index range per column of the tile (a single range over the columns would read them from pole to pole).
  return `SELECT h.i, h.j, sum(h.crashes)::int AS crashes, sum(h.deaths)::int AS deaths, sum(h.serious)::int AS serious,
           sum(h.minor)::int AS minor, round(sum(h.crashes * ${weight})::numeric, 3)::float8 AS epdo
    FROM tile
      CROSS JOIN LATERAL generate_series(floor(tile.x0 / (1.5 * tile.s))::bigint, ceil(tile.x1 / (1.5 * tile.s))::bigint)
        AS col (i)
      JOIN crash_heatmap_cells h ON h.i = col.i
        AND h.j BETWEEN floor(tile.y0 / tile.h)::bigint - 1 AND ceil(tile.y1 / tile.h)::bigint
    WHERE ${where.join(' AND ')} AND ${NEAR_CENTRE('h')}
    GROUP BY h.i, h.j
    HAVING sum(h.crashes) > 0`;
}

/**
 * The hexagons counted from the crashes: those within two sizes of the tile (every crash of a hexagon touching it),
 * each in its cell, keeping the cells whose centre lies within one size of the tile.
 */
function hexagonsFromCrashes(filter: CrashFilter, weights: EpdoWeights, params: SqlParams): string {
  const epdo = epdoSql(weights, params);
  const where = crashFilterSql(filter, params);
  // The filter first (an area may leave few of the crashes near the tile), then each crash's cell.
  return `WITH crash AS MATERIALIZED (
      SELECT ST_X(m.g) AS x, ST_Y(m.g) AS y, c.deaths, c.serious_injuries, c.minor_injuries, ${epdo} AS epdo
      FROM crashes c CROSS JOIN tile CROSS JOIN LATERAL (SELECT ST_Transform(c.location, 3857) AS g) m
      WHERE c.location && ST_Transform(ST_Expand(tile.env, 2 * tile.s), 4326)
        AND ${where}
    )
    SELECT cell.i, cell.j, count(*)::int AS crashes, sum(crash.deaths)::int AS deaths,
           sum(crash.serious_injuries)::int AS serious, sum(crash.minor_injuries)::int AS minor,
           round(sum(crash.epdo)::numeric, 3)::float8 AS epdo
    FROM crash
      CROSS JOIN tile
      CROSS JOIN LATERAL crash_hex_cell(crash.x, crash.y, tile.s) cell
    WHERE ${NEAR_CENTRE('cell')}
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
  const z = `${params.add(tile.z)}::int`;
  const envelope = `ST_TileEnvelope(${z}, ${params.add(tile.x)}::int, ${params.add(tile.y)}::int)`;
  const hexagons = cellsAnswer(filter, tile.z)
    ? hexagonsFromCells(filter, weights, params)
    : hexagonsFromCrashes(filter, weights, params);
  const layer = `${params.add(HEATMAP_LAYER)}::text`;
  const extent = `${params.add(TILE_EXTENT)}::int`;
  const buffer = `${params.add(TILE_BUFFER)}::int`;
  const sql = `
    WITH tile AS (
      SELECT env, s, s * sqrt(3) AS h, ${z} AS z,
             ST_XMin(env) - s AS x0, ST_XMax(env) + s AS x1, ST_YMin(env) - s AS y0, ST_YMax(env) + s AS y1
      FROM (SELECT ${envelope} AS env, crash_hex_size(${z}) AS s) t
    ),
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
