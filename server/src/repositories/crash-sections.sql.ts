// Where the road-section ranking's windows come from: the filtered crashes placed on their roads one by one, or the
// 100 m road bins counted ahead (crash_road_bins, migration 026) when the filter and the window sizes allow. Both give
// the ranking the same CTEs — `sections` (every window holding a crash, with its road class and sums) and
// `road_length` — and the same details for a listed window.
import { countedAheadAnswers, countedAheadConditions } from '../crashes/counted-ahead';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import { epdoOfSeveritySql, epdoSql } from '../crashes/epdo-sql';
import type { SqlParams } from '../lib/sql-params';
import type { SectionBasis } from '../schemas';

/** The length of road a bin of crash_road_bins covers (migration 026). */
export const ROAD_BIN_M = 100;

export interface SectionSource {
  filter: CrashFilter;
  lengthM: number;
  stepM: number;
  weights: EpdoWeights;
  basis: SectionBasis;
}

/** The SQL of one way of counting: CTEs defining `sections` and `road_length`, and the `details` CTE's body. */
export interface SectionSourceSql {
  ctes: string;
  /** Per listed window (`listed`: pos, basis, road_key, start_m): lon, lat, road_id, road_name, sources. */
  details: string;
}

/** A crash is placed by DOH road code and kilometre post when it has both, else on its snapped OSM line. */
export const HAS_KM = (c: string) => `(${c}.road_code IS NOT NULL AND ${c}.km IS NOT NULL)`;
export const ON_LINE = (c: string) =>
  `(NOT ${HAS_KM(c)} AND ${c}.road_id IS NOT NULL AND ${c}.road_offset_m IS NOT NULL)`;

/**
 * The bins answer when the filter is one they are kept by (whole years, severities, sources) and every window is made
 * of whole bins: a crash at p metres lies in the window starting at s (a multiple of the step) exactly when its bin
 * does, so the sums are the crashes' own.
 */
export function binsAnswer(source: SectionSource): boolean {
  return (
    countedAheadAnswers(source.filter) && source.lengthM % ROAD_BIN_M === 0 && source.stepM % ROAD_BIN_M === 0
  );
}

const bases = (basis: SectionBasis) => (basis === 'all' ? ['km', 'osm_line'] : [basis]);

/**
 * The `windows` CTE: each row of `rows` (a crash or a bin, at place pos_m) once per window holding it. Windows start
 * at whole multiples of the step from km 0 (or the line's start), so a place p lies in those starting at k·step for
 * p − length < k·step ≤ p: k = ⌊p / step⌋ − j for j below ⌈length / step⌉ (a join with that short series, not a
 * series per row: measured half the time), and empty windows are never made.
 */
function windowsSql(rows: string, columns: string, source: SectionSource, params: SqlParams): string {
  const length = `${params.add(source.lengthM)}::int`;
  const step = `${params.add(source.stepM)}::int`;
  const k = `(floor(f.pos_m / ${step})::int - o.j)`;
  return `windows AS (
      SELECT f.basis, f.road_key, ${k} * ${step} AS start_m, ${columns}
      FROM ${rows} f CROSS JOIN generate_series(0, ${params.add(Math.ceil(source.lengthM / source.stepM))}::int - 1) AS o(j)
      WHERE ${k} >= 0 AND ${k} * ${step} > f.pos_m - ${length}
    )`;
}

/** A road's class for the Empirical Bayes reference population: DOH highways by km post, else the OSM line's. */
const roadClass = (basis: string, line: string) =>
  `CASE WHEN ${basis} = 'km' THEN 'doh' ELSE coalesce(${line}.class, 'other') END`;

/** Per road: its class and length, for the Empirical Bayes reference population (see the ranking). */
function roadLengthSql(roads: string): string {
  return `road_length AS (
      SELECT r.basis, r.road_key, ${roadClass('r.basis', 'line')} AS class,
             CASE WHEN r.basis = 'km' THEN r.max_pos ELSE ST_Length(line.geom::geography) END AS length_m
      FROM (${roads}) r
        LEFT JOIN roads line ON line.id = r.road_id
    )`;
}

/**
 * Each window carries its road's class, so the class statistics join the windows to a handful of classes, not to the
 * roads: the planner cannot size the CTEs, and took the roads for one row (measured 2 s for 14,000 windows).
 */
const SECTION_KEY = 'basis, road_key, start_m, class';

/**
 * From the crashes: each filtered crash with its basis, road (DOH code or OSM line id as text, byte-compared: sorting
 * it by the Thai collation would cost more than the rest) and place in metres along it. A double km goes through
 * numeric so 3.3 km is exactly 3300 m, as a `km >= 3.3` comparison sees it.
 */
export function sectionsFromCrashes(source: SectionSource, params: SqlParams): SectionSourceSql {
  const weight = epdoSql(source.weights, params);
  const length = `${params.add(source.lengthM)}::int`;
  const ctes = `f AS MATERIALIZED (
      SELECT * FROM (
        SELECT c.source, c.road_name, c.deaths, c.serious_injuries, c.minor_injuries,
               ST_X(c.location) AS lon, ST_Y(c.location) AS lat, ${weight} AS epdo,
               CASE WHEN ${HAS_KM('c')} THEN 'km' WHEN ${ON_LINE('c')} THEN 'osm_line' END COLLATE "C" AS basis,
               CASE WHEN ${HAS_KM('c')} THEN c.road_code ELSE c.road_id::text END COLLATE "C" AS road_key,
               CASE WHEN ${HAS_KM('c')} THEN NULL ELSE c.road_id END AS road_id,
               CASE WHEN ${HAS_KM('c')} THEN c.km::numeric * 1000 ELSE c.road_offset_m::numeric END AS pos_m,
               ${roadClass(`CASE WHEN ${HAS_KM('c')} THEN 'km' END`, 'line')} AS class
        FROM crashes c
          LEFT JOIN roads line ON line.id = c.road_id
        WHERE ${crashFilterSql(source.filter, params)}
      ) placed
      WHERE basis = ANY(${params.add(bases(source.basis))}::text[])
    ),
    ${windowsSql('f', 'f.class, f.deaths, f.serious_injuries, f.minor_injuries, f.epdo', source, params)},
    sections AS (
      SELECT ${SECTION_KEY}, count(*)::int AS crashes, sum(deaths)::int AS deaths,
             sum(serious_injuries)::int AS serious, sum(minor_injuries)::int AS minor, sum(epdo) AS epdo
      FROM windows GROUP BY ${SECTION_KEY}
    ),
    ${roadLengthSql('SELECT basis, road_key, max(pos_m) AS max_pos, max(road_id) AS road_id FROM f GROUP BY basis, road_key')}`;
  const details = `SELECT l.pos, avg(f.lon) AS lon, avg(f.lat) AS lat, max(f.road_id) AS road_id,
             mode() WITHIN GROUP (ORDER BY f.road_name) FILTER (WHERE btrim(f.road_name) <> '') AS road_name,
             array_agg(DISTINCT f.source) AS sources
      FROM listed l
      JOIN f ON f.basis = l.basis AND f.road_key = l.road_key
        AND f.pos_m >= l.start_m AND f.pos_m < l.start_m + ${length}
      GROUP BY l.pos`;
  return { ctes, details };
}

/**
 * From the bins: the filtered bins summed per road bin (tens of thousands of rows where the crashes are a million),
 * their windows and sums as above with the bin's start as the place. A listed window's details (its crashes' mean
 * place, the road line they lie on, the name most of them give) are read from its own crashes through the road
 * indexes: fifty small lookups.
 */
export function sectionsFromBins(source: SectionSource, params: SqlParams): SectionSourceSql {
  const weight = epdoOfSeveritySql(source.weights, params, 'b.severity');
  const length = `${params.add(source.lengthM)}::int`;
  const binM = `${params.add(ROAD_BIN_M)}::int`;
  const where = [`b.basis = ANY(${params.add(bases(source.basis))}::text[])`];
  where.push(...countedAheadConditions(source.filter, params, 'b'));
  const ctes = `binned AS MATERIALIZED (
      SELECT g.*, ${roadClass('g.basis', 'line')} AS class
      FROM (
        SELECT b.basis, b.road_key, (b.bin * ${binM})::float8 AS pos_m, sum(b.crashes)::int AS crashes,
               sum(b.deaths)::int AS deaths, sum(b.serious)::int AS serious_injuries,
               sum(b.minor)::int AS minor_injuries, sum(b.crashes * ${weight}) AS epdo
        FROM crash_road_bins b
        WHERE ${where.join(' AND ')}
        GROUP BY b.basis, b.road_key, b.bin
      ) g
        LEFT JOIN roads line ON line.id = (CASE WHEN g.basis = 'osm_line' THEN g.road_key::int END)
    ),
    ${windowsSql('binned', 'f.class, f.crashes, f.deaths, f.serious_injuries, f.minor_injuries, f.epdo', source, params)},
    sections AS (
      SELECT ${SECTION_KEY}, sum(crashes)::int AS crashes, sum(deaths)::int AS deaths,
             sum(serious_injuries)::int AS serious, sum(minor_injuries)::int AS minor, sum(epdo) AS epdo
      FROM windows GROUP BY ${SECTION_KEY}
    ),
    ${roadLengthSql(
      `SELECT basis, road_key, max(pos_m) AS max_pos,
              CASE WHEN basis = 'osm_line' THEN road_key::int END AS road_id
       FROM binned GROUP BY basis, road_key`,
    )}`;
  // The km comparison through numeric as the bins place it; the double range before it lets the index find the rows.
  const km = `c.km::numeric * 1000`;
  const details = `SELECT l.pos, d.lon, d.lat, d.road_id, d.road_name, d.sources
      FROM listed l CROSS JOIN LATERAL (
        SELECT avg(ST_X(c.location)) AS lon, avg(ST_Y(c.location)) AS lat,
               CASE WHEN l.basis = 'osm_line' THEN max(c.road_id) END AS road_id,
               mode() WITHIN GROUP (ORDER BY c.road_name) FILTER (WHERE btrim(c.road_name) <> '') AS road_name,
               array_agg(DISTINCT c.source) AS sources
        FROM (
          SELECT c.location, c.road_id, c.road_name, c.source FROM crashes c
          WHERE l.basis = 'km' AND c.road_code = (l.road_key COLLATE "default") AND ${HAS_KM('c')}
            AND c.km BETWEEN l.start_m / 1000.0 - 0.001 AND (l.start_m + ${length}) / 1000.0 + 0.001
            AND ${km} >= l.start_m AND ${km} < l.start_m + ${length}
            AND ${crashFilterSql(source.filter, params)}
          UNION ALL
          SELECT c.location, c.road_id, c.road_name, c.source FROM crashes c
          WHERE l.basis = 'osm_line' AND c.road_id = (CASE WHEN l.basis = 'osm_line' THEN l.road_key::int END)
            AND ${ON_LINE('c')} AND c.road_offset_m >= l.start_m AND c.road_offset_m < l.start_m + ${length}
            AND ${crashFilterSql(source.filter, params)}
        ) c
      ) d`;
  return { ctes, details };
}
