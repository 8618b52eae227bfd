// Road-section ranking (HSM network screening by sliding window): every window along a road that holds a filtered
// crash, with its crash, casualty and EPDO sums, ranked (crash-rankings-in-memory.ts), from the road bins counted
// ahead where they answer, from the crashes otherwise; and how the filtered crashes divide between the ways of
// placing them on a road.
import type { Pool, Queryable } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { countedAheadAnswers, countedAheadConditions } from '../crashes/counted-ahead';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import type { EpdoWeights } from '../crashes/epdo';
import { SqlParams } from '../lib/sql-params';
import type { RankBy, RoadSection, SectionBasis } from '../schemas';
import { binsAnswer, HAS_KM, ON_LINE, type SectionRow } from './crash-sections.sql';
import { rankInMemory } from './crash-rankings-in-memory';

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

/** How the filtered crashes divide between the two ways of placing them on a road (from the bins where they answer). */
export async function sectionCoverage(db: Queryable, filter: CrashFilter): Promise<SectionCoverage> {
  const params = new SqlParams();
  const conditions = countedAheadAnswers(filter) ? countedAheadConditions(filter, params, 'b') : null;
  // With no filter at all, the totals per bin (a sixth of the bins' rows) hold the same sums.
  const sql = conditions
    ? `SELECT coalesce(sum(b.crashes), 0)::int AS filtered,
              coalesce(sum(b.crashes) FILTER (WHERE b.basis = 'km'), 0)::int AS km,
              coalesce(sum(b.crashes) FILTER (WHERE b.basis = 'osm_line'), 0)::int AS "osmLine",
              coalesce(sum(b.crashes) FILTER (WHERE b.basis = 'unplaced'), 0)::int AS unplaced
       FROM ${conditions.length ? 'crash_road_bins' : 'crash_road_bin_totals'} b
       WHERE ${['TRUE', ...conditions].join(' AND ')}`
    : `SELECT count(*)::int AS filtered,
              count(*) FILTER (WHERE ${HAS_KM('c')})::int AS km,
              count(*) FILTER (WHERE ${ON_LINE('c')})::int AS "osmLine",
              count(*) FILTER (WHERE NOT ${HAS_KM('c')} AND NOT ${ON_LINE('c')})::int AS unplaced
       FROM crashes c
       WHERE ${crashFilterSql(filter, params)}`;
  const { rows } = await db.query<SectionCoverage>(sql, params.values);
  return rows[0]!;
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
 * Settings for the ranking's statements only: JIT compiling costs about a second and gains nothing at the size of a
 * province's or the nation's crash tables, and sorting the places along the roads (up to a million crashes) would
 * spill to disk at the default work_mem. No parallel workers: the route runs the coverage beside the ranking, and on
 * a small server their start-up and hand-over cost more than they save (measured: 90 ms of a 150 ms statement).
 */
const RANKING_SETTINGS = { jit: 'off', work_mem: '64MB', max_parallel_workers_per_gather: '0' };

/** The ranking, screened in Node from the road bins where they answer, else from the crashes' own places. */
export async function rankRoadSections(db: Pool, options: RoadSectionOptions): Promise<RankedSections> {
  const from = !options.countFromCrashes && binsAnswer(options) ? 'bins' : 'crashes';
  const rows = await withTransaction(db, async (tx) => {
    for (const [name, value] of Object.entries(RANKING_SETTINGS))
      await tx.query('SELECT set_config($1, $2, true)', [name, value]);
    return rankInMemory(tx, options, from);
  });
  return {
    sections: rows.map((row, index) => toSection(row, index, options.lengthM)),
    total: rows[0]?.total ?? 0,
    blackSpots: rows[0]?.black_spots ?? 0,
  };
}
