// Road-section ranking (HSM network screening by sliding window) in SQL: every window along a road that holds a
// filtered crash, with its crash, casualty and EPDO sums, ranked; the windows are made in PostgreSQL, not in Node,
// from the road bins counted ahead where they answer (crash-sections.sql.ts), from the crashes otherwise.
import type { Pool, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { countedAheadAnswers, countedAheadConditions } from '../crashes/counted-ahead';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import { SqlParams } from '../lib/sql-params';
import type { RankBy, RoadSection, SectionBasis } from '../schemas';
import { binsAnswer, HAS_KM, ON_LINE, sectionsFromBins, sectionsFromCrashes } from './crash-sections.sql';

export interface RoadSectionOptions {
  filter: CrashFilter;
  lengthM: number;
  stepM: number;
  weights: EpdoWeights;
  rankBy: RankBy;
  minCrashes: number;
  minDeaths: number | null;
  basis: SectionBasis;
  overlapping: boolean;
  limit: number;
  /** Counts from the crashes even where the road bins answer (the tests compare the two). */
  countFromCrashes?: boolean;
}

export interface RankedSections {
  sections: RoadSection[];
  total: number;
  blackSpots: number;
}

export interface SectionCoverage {
  filtered: number;
  km: number;
  osmLine: number;
  unplaced: number;
}

/** The Buddhist Era year Thai readers expect next to a Gregorian one. */
export const toBuddhistEra = (year: number) => year + 543;

/** The values a window is ranked by, each descending; ties fall to the road and place (a stable order). */
const RANK_KEYS: Record<RankBy, string[]> = {
  epdo: ['epdo', 'crashes', 'deaths'],
  crashes: ['crashes', 'epdo', 'deaths'],
  deaths: ['deaths', 'epdo', 'crashes'],
  eb_excess: ['(eb_expected - predicted)', 'crashes', 'epdo'],
};

const rankOrder = (rankBy: RankBy) =>
  `${RANK_KEYS[rankBy].map((key) => `${key} DESC`).join(', ')}, basis, road_key, start_m`;

/** How the filtered crashes divide between the two ways of placing them on a road (from the bins where they answer). */
export async function sectionCoverage(db: Queryable, filter: CrashFilter): Promise<SectionCoverage> {
  const params = new SqlParams();
  const sql = countedAheadAnswers(filter)
    ? `SELECT coalesce(sum(b.crashes), 0)::int AS filtered,
              coalesce(sum(b.crashes) FILTER (WHERE b.basis = 'km'), 0)::int AS km,
              coalesce(sum(b.crashes) FILTER (WHERE b.basis = 'osm_line'), 0)::int AS "osmLine",
              coalesce(sum(b.crashes) FILTER (WHERE b.basis = 'unplaced'), 0)::int AS unplaced
       FROM crash_road_bins b
       WHERE ${['TRUE', ...countedAheadConditions(filter, params, 'b')].join(' AND ')}`
    : `SELECT count(*)::int AS filtered,
              count(*) FILTER (WHERE ${HAS_KM('c')})::int AS km,
              count(*) FILTER (WHERE ${ON_LINE('c')})::int AS "osmLine",
              count(*) FILTER (WHERE NOT ${HAS_KM('c')} AND NOT ${ON_LINE('c')})::int AS unplaced
       FROM crashes c
       WHERE ${crashFilterSql(filter, params)}`;
  const { rows } = await db.query<SectionCoverage>(sql, params.values);
  return rows[0]!;
}

/** The years a period can hold (a crash's year is its Bangkok calendar year): pairs outside are not probed. */
function yearRange(year: string, filter: CrashFilter, params: SqlParams): string {
  const bounds = [`${year} IS NOT NULL`];
  if (filter.from) bounds.push(`${year} >= extract(year FROM ${params.add(filter.from)}::date)`);
  if (filter.to) bounds.push(`${year} <= extract(year FROM ${params.add(filter.to)}::date)`);
  return bounds.join(' AND ');
}

/**
 * The ranking query. Windows start at whole multiples of the step from km 0 (or the line's start): a crash at p metres
 * lies in the windows starting at k·step for p − length < k·step ≤ p, so each crash makes only the windows that hold
 * it (empty windows are never made). Unless `overlapping`, a window is kept only when it ranks above every window
 * overlapping it on the same road (starts less than a length apart): one window per hot spot. That test compares each
 * window's rank key (its rank values, then its start negated, so the earlier of equal windows wins as in the order)
 * with the greatest key of the windows around it: one sort along the roads, and only the windows kept are ranked.
 */
function rankingSql(options: RoadSectionOptions, params: SqlParams): string {
  const fromBins = !options.countFromCrashes && binsAnswer(options);
  const source = fromBins ? sectionsFromBins(options, params) : sectionsFromCrashes(options, params);
  const length = params.add(options.lengthM);
  const step = params.add(options.stepM);
  const blackSpot = `(crashes >= ${params.add(options.minCrashes)}::int
    OR deaths >= ${params.add(options.minDeaths)}::int)`;
  const period = crashFilterSql(
    { from: options.filter.from, to: options.filter.to, sources: options.filter.sources },
    params,
  );
  const rankKey = `ARRAY[${RANK_KEYS[options.rankBy].map((key) => `${key}::float8`).join(', ')}, -start_m::float8]`;
  // The Empirical Bayes estimate joins each window to its class; only a ranking by it needs that for every window.
  const ebFirst = options.rankBy === 'eb_excess';
  const estimate = `spf.mu AS predicted,
             spf.mu + (s.crashes - spf.mu) * (1 - 1 / (1 + greatest(0, (spf.m2 - spf.mu ^ 2 - spf.mu) / spf.mu ^ 2) * spf.mu))
               AS eb_expected`;
  // Empirical Bayes (HSM network screening): the windows of each road class are the reference population — every
  // window along the roads screened, those with no crash included — whose mean is the predicted crashes of a
  // window and whose spread gives the overdispersion k (method of moments: variance = μ + kμ²). A window's
  // expected crashes lean from its own count towards the mean by the weight 1 / (1 + kμ); excess = expected − μ.
  // spf is MATERIALIZED: inlined, its aggregate ran again for every window (0.5 s for Bangkok's 1,800 windows).
  return `WITH ${source.ctes},
    population AS (
      SELECT class, sum(floor(greatest(coalesce(length_m, 0), 0) / ${step}::int) + 1)::float8 AS windows
      FROM road_length GROUP BY class
    ),
    spf AS MATERIALIZED (
      SELECT s.class, sum(s.crashes) / p.windows AS mu, sum(s.crashes::float8 ^ 2) / p.windows AS m2
      FROM sections s JOIN population p ON p.class = s.class
      GROUP BY s.class, p.windows
    ),
    screened AS (
      ${ebFirst ? `SELECT s.*, ${estimate} FROM sections s JOIN spf ON spf.class = s.class` : 'SELECT * FROM sections'}
    ),
    keyed AS (
      SELECT s.*, ${rankKey} AS rank_key FROM screened s
    ),
    peaks AS (
      SELECT k.*, max(rank_key) OVER (PARTITION BY basis, road_key ORDER BY start_m
        RANGE BETWEEN ${length}::int - 1 PRECEDING AND ${length}::int - 1 FOLLOWING) AS best_near
      FROM keyed k
    ),
    kept AS (
      SELECT * FROM ${options.overlapping ? 'screened' : 'peaks WHERE best_near = rank_key'}
    ),
    listed AS (
      SELECT p.*, row_number() OVER (ORDER BY ${rankOrder(options.rankBy)}) AS pos,
             coalesce(${blackSpot}, false) AS black_spot, count(*) OVER () AS total,
             count(*) FILTER (WHERE ${blackSpot}) OVER () AS black_spots
      FROM ${ebFirst ? 'kept p' : `(SELECT s.*, ${estimate} FROM kept s JOIN spf ON spf.class = s.class) p`}
      ORDER BY pos
      LIMIT ${params.add(options.limit)}::int
    ),
    -- Place, name and sources only for the listed windows (the rows above are kept narrow: there can be a million).
    details AS (${source.details}),
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
      WHERE ${yearRange('p.year', options.filter, params)}
        AND EXISTS (SELECT 1 FROM crashes c WHERE c.source = p.source AND c.year = p.year AND ${period})
    )
    SELECT l.basis, l.road_key, d.road_id, l.start_m, l.crashes, l.deaths, l.serious, l.minor, l.epdo, d.lon, d.lat,
           l.predicted, l.eb_expected,
           l.black_spot, l.total::int, l.black_spots::int, d.road_name, r.class AS road_class,
           ST_Length(r.geom::geography) AS line_length_m,
           ARRAY(SELECT DISTINCT sy.year::int FROM source_years sy WHERE sy.source = ANY(d.sources) ORDER BY 1)
             AS years
    FROM listed l
    JOIN details d ON d.pos = l.pos
    LEFT JOIN roads r ON r.id = d.road_id
    ORDER BY l.pos`;
}

interface SectionRow {
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

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function toSection(row: SectionRow, index: number, lengthM: number): RoadSection {
  const onKm = row.basis === 'km';
  const endM = row.start_m + lengthM;
  return {
    rank: index + 1,
    basis: row.basis,
    roadCode: onKm ? row.road_key : null,
    roadName: row.road_name,
    fromKm: onKm ? row.start_m / 1000 : null,
    toKm: onKm ? endM / 1000 : null,
    roadId: row.road_id,
    roadClass: row.road_class,
    fromM: onKm ? null : row.start_m,
    toM: onKm ? null : round(Math.min(endM, row.line_length_m ?? endM), 1),
    lineLengthM: row.line_length_m === null ? null : round(row.line_length_m, 1),
    crashes: row.crashes,
    deaths: row.deaths,
    serious: row.serious,
    minor: row.minor,
    epdo: round(row.epdo, 3),
    predicted: round(row.predicted, 3),
    ebExpected: round(row.eb_expected, 3),
    excess: round(row.eb_expected - row.predicted, 3),
    years: row.years,
    yearsBe: row.years.map(toBuddhistEra),
    crashesPerYear: round(row.crashes / Math.max(1, row.years.length), 3),
    location: { lon: round(row.lon, 6), lat: round(row.lat, 6) },
    blackSpot: row.black_spot,
  };
}

/**
 * Settings for the ranking statement only: JIT compiling costs about a second and gains nothing at the size of a
 * province's or the nation's crash tables, and the window sorts (tens of thousands to a million rows) would spill to
 * disk at the default work_mem.
 */
const RANKING_SETTINGS = { jit: 'off', work_mem: '64MB' };

export async function rankRoadSections(db: Pool, options: RoadSectionOptions): Promise<RankedSections> {
  const params = new SqlParams();
  const sql = rankingSql(options, params);
  const rows = await withTransaction(db, async (tx) => {
    for (const [name, value] of Object.entries(RANKING_SETTINGS))
      await tx.query('SELECT set_config($1, $2, true)', [name, value]);
    return (await tx.query<SectionRow>(sql, params.values)).rows;
  });
  return {
    sections: rows.map((row, index) => toSection(row, index, options.lengthM)),
    total: rows[0]?.total ?? 0,
    blackSpots: rows[0]?.black_spots ?? 0,
  };
}
