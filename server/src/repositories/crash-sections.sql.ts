// What the road-section ranking screens, per road: the 100 m road bins counted ahead (crash_road_bins and their
// totals, migrations 026 and 027) when the filter and the window sizes allow, else the filtered crashes placed on their
// roads; and, for the windows it lists, their crashes' place, road and name, and the years of their sources.
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

/** A road's class for the Empirical Bayes reference population: DOH highways by km post, else the OSM line's. */
const roadClass = (basis: string, line: string) =>
  `CASE WHEN ${basis} = 'km' THEN 'doh' ELSE coalesce(${line}.class, 'other') END`;

/** Where the ranking's places come from: the road bins, or the crashes themselves (see binsAnswer). */
export type PlaceSource = 'bins' | 'crashes';

/**
 * The filtered crashes on each road, as places along it with their sums: the 100 m bins (tens of thousands where the
 * crashes are a million; with no filter the totals kept per bin, migration 027, are the sums already), or each crash at
 * its exact place (crashes at the same place summed). A crash is placed as the bins place it: km::numeric · 1000 or
 * the offset through numeric. One row per road: basis, key, class, line length, and the places and sums as arrays in
 * order along the road.
 */
export function roadPlacesSql(source: SectionSource, from: PlaceSource, params: SqlParams): string {
  // Placeholders are numbered as they are added: each branch adds only those it uses.
  const binM = () => `${params.add(ROAD_BIN_M)}::int`;
  const onBases = `basis = ANY(${params.add(bases(source.basis))}::text[])`;
  const { weights, filter } = source;
  /** The bins with the filter's conditions (binsAnswer has ruled out the rest); with none, their totals. */
  const binPlaces = () => {
    const conditions = countedAheadConditions(filter, params, 'b');
    return conditions.length === 0
      ? `SELECT basis, road_key, (bin * ${binM()})::float8 AS pos_m, crashes, deaths, serious, minor,
               fatal_crashes * ${params.add(weights.fatal)}::float8
                 + serious_crashes * ${params.add(weights.serious)}::float8
                 + minor_crashes * ${params.add(weights.minor)}::float8
                 + damage_only_crashes * ${params.add(weights.damage_only)}::float8 AS epdo
        FROM crash_road_bin_totals
        WHERE ${onBases}`
      : `SELECT basis, road_key, (bin * ${binM()})::float8 AS pos_m, sum(crashes)::int AS crashes,
               sum(deaths)::int AS deaths, sum(serious)::int AS serious, sum(minor)::int AS minor,
               sum(crashes * ${epdoOfSeveritySql(weights, params, 'severity')}) AS epdo
        FROM crash_road_bins b
        WHERE ${[onBases, ...conditions].join(' AND ')}
        GROUP BY basis, road_key, bin`;
  };
  const places =
    from === 'crashes'
      ? `SELECT basis, road_key, pos_m, count(*)::int AS crashes, sum(deaths)::int AS deaths,
               sum(serious_injuries)::int AS serious, sum(minor_injuries)::int AS minor, sum(epdo) AS epdo
        FROM (
          SELECT CASE WHEN ${HAS_KM('c')} THEN 'km' WHEN ${ON_LINE('c')} THEN 'osm_line' END COLLATE "C" AS basis,
                 CASE WHEN ${HAS_KM('c')} THEN c.road_code ELSE c.road_id::text END COLLATE "C" AS road_key,
                 (CASE WHEN ${HAS_KM('c')} THEN c.km::numeric * 1000 ELSE c.road_offset_m::numeric END)::float8 AS pos_m,
                 c.deaths, c.serious_injuries, c.minor_injuries, ${epdoSql(weights, params)} AS epdo
          FROM crashes c
          WHERE ${crashFilterSql(filter, params)}
        ) placed
        WHERE ${onBases}
        GROUP BY basis, road_key, pos_m`
      : binPlaces();
  // Arrays are built in the order of the rows fed to them: the places sorted along each road (for the totals their
  // key order, no sort), and the roads joined to the 2,000 road rows, not to the 50,000 places.
  return `SELECT g.basis, g.road_key, ${roadClass('g.basis', 'line')} AS class, line.length_m, g.pos_m, g.crashes,
             g.deaths, g.serious, g.minor, g.epdo
      FROM (
        SELECT p.basis, p.road_key, array_agg(p.pos_m) AS pos_m, array_agg(p.crashes) AS crashes,
               array_agg(p.deaths) AS deaths, array_agg(p.serious) AS serious, array_agg(p.minor) AS minor,
               array_agg(p.epdo) AS epdo
        FROM (${places} ORDER BY basis, road_key, pos_m) p
        GROUP BY p.basis, p.road_key
      ) g
        LEFT JOIN roads line ON line.id = (CASE WHEN g.basis = 'osm_line' THEN g.road_key::int END)`;
}

/**
 * A listed window's details (its crashes' mean place, the road line they lie on, the name most of them give) read
 * from its own crashes through the road indexes: fifty small lookups. `listed` has pos, basis, road_key, start_m.
 */
export function windowDetailsSql(source: SectionSource, params: SqlParams): string {
  const length = `${params.add(source.lengthM)}::int`;
  // The km comparison through numeric as the bins place it; the double range before it lets the index find the rows.
  const km = `c.km::numeric * 1000`;
  return `SELECT l.pos, d.lon, d.lat, d.road_id, d.road_name, d.sources
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
}

/** A listed window as every ranking returns it: its sums and rank values with its details. */
export interface SectionRow {
  basis: 'km' | 'osm_line';
  road_key: string;
  road_id: number | null;
  start_m: number;
  crashes: number;
  deaths: number;
  serious: number;
  minor: number;
  epdo: number;
  lon: number;
  lat: number;
  black_spot: boolean;
  total: number;
  black_spots: number;
  road_name: string | null;
  road_class: string | null;
  line_length_m: number | null;
  years: number[];
  predicted: number;
  eb_expected: number;
}

/** The years a period can hold (a crash's year is its Bangkok calendar year): pairs outside are not probed. */
function yearRange(year: string, filter: CrashFilter, params: SqlParams): string {
  const bounds = [`${year} IS NOT NULL`];
  if (filter.from) bounds.push(`${year} >= extract(year FROM ${params.add(filter.from)}::date)`);
  if (filter.to) bounds.push(`${year} <= extract(year FROM ${params.add(filter.to)}::date)`);
  return bounds.join(' AND ');
}

/**
 * The end of a ranking statement, after its `listed` CTE (pos, basis, road_key, start_m, the sums, predicted,
 * eb_expected, black_spot, total, black_spots): each listed window's details (the `details` body of its source) and
 * the years its sources have data for, as SectionRows in rank order.
 */
export function listedDetailsSql(filter: CrashFilter, details: string, params: SqlParams): string {
  const period = crashFilterSql({ from: filter.from, to: filter.to, sources: filter.sources }, params);
  return `-- Place, name and sources only for the listed windows (the rows above are kept narrow: there can be a million).
    details AS (${details}),
    -- The years each source has data for in the period, whatever the other filters: a year in which a window had no
    -- crash still counts towards its crashes per year. The (source, year) pairs are found by skipping along their
    -- index (a handful of probes, not a scan of every crash), then each is kept if one of its crashes is in the period.
    pairs AS (
      WITH RECURSIVE next_pair AS (
        (SELECT c.source, c.year FROM crashes c ORDER BY c.source, c.year LIMIT 1)
        UNION ALL
        SELECT n.source, n.year
        FROM next_pair p CROSS JOIN LATERAL (
          SELECT c.source, c.year FROM crashes c
          WHERE (c.source, c.year) > (p.source, p.year)
          ORDER BY c.source, c.year LIMIT 1
        ) n
      )
      SELECT * FROM next_pair
    ),
    source_years AS MATERIALIZED (
      SELECT p.source, p.year FROM pairs p
      WHERE ${yearRange('p.year', filter, params)}
        AND EXISTS (SELECT 1 FROM crashes c WHERE c.source = p.source AND c.year = p.year AND ${period})
    )
    SELECT l.basis, l.road_key, d.road_id, l.start_m, l.crashes, l.deaths, l.serious, l.minor, l.epdo, d.lon, d.lat,
           l.predicted, l.eb_expected,
           l.black_spot, l.total::int, l.black_spots::int, d.road_name, r.class AS road_class,
           r.length_m AS line_length_m,
           ARRAY(SELECT DISTINCT sy.year::int FROM source_years sy WHERE sy.source = ANY(d.sources) ORDER BY 1)
             AS years
    FROM listed l
    JOIN details d ON d.pos = l.pos
    LEFT JOIN roads r ON r.id = d.road_id
    ORDER BY l.pos`;
}
