// The road-section ranking screened in Node: PostgreSQL gives the filtered crashes per road as places along it (the
// 100 m road bins where they answer, else each crash's own place), section-screening.ts makes and ranks the windows,
// and one more statement describes the listed windows. Measured on a million crashes: the country-wide ranking made
// in SQL took 0.9 s, 0.6 s of it in grouping 250,000 window rows and the window function that keeps one window per
// hot spot.
import type { Queryable } from '../db/pool';
import { screenRoadPlaces, type RoadPlaces, type ScreenedWindow } from '../crashes/section-screening';
import { SqlParams } from '../lib/sql-params';
import type { RoadSectionOptions } from './crash-rankings.repository';
import {
  listedDetailsSql,
  roadPlacesSql,
  windowDetailsSql,
  type PlaceSource,
  type SectionRow,
} from './crash-sections.sql';

interface RoadPlacesRow {
  basis: 'km' | 'osm_line';
  road_key: string;
  class: string;
  length_m: number | null;
  pos_m: number[];
  crashes: number[];
  deaths: number[];
  serious: number[];
  minor: number[];
  epdo: number[];
}

/** A road's bins ascending along it (the statement feeds them in that order; sorted here should a plan not). */
function toRoadPlaces(row: RoadPlacesRow): RoadPlaces {
  const { pos_m: posM } = row;
  const ascending = posM.every((pos, i) => i === 0 || posM[i - 1]! <= pos);
  const order = posM.map((_, i) => i);
  if (!ascending) order.sort((a, b) => posM[a]! - posM[b]!);
  const column = (values: number[]) => (ascending ? values : order.map((i) => values[i]!));
  return {
    basis: row.basis,
    roadKey: row.road_key,
    roadClass: row.class,
    posM: column(posM),
    crashes: column(row.crashes),
    deaths: column(row.deaths),
    serious: column(row.serious),
    minor: column(row.minor),
    epdo: column(row.epdo),
  };
}

/**
 * Windows along every road of each class, those with no crash included (the Empirical Bayes reference population):
 * a road's length is its last bin on a km basis, its line's geodesic length otherwise (0 when the line is gone).
 */
function classPopulations(rows: readonly RoadPlacesRow[], stepM: number): Map<string, number> {
  const populations = new Map<string, number>();
  for (const row of rows) {
    const length =
      row.basis === 'km' ? row.pos_m.reduce((most, pos) => Math.max(most, pos), 0) : (row.length_m ?? 0);
    const windows = Math.floor(Math.max(length, 0) / stepM) + 1;
    populations.set(row.class, (populations.get(row.class) ?? 0) + windows);
  }
  return populations;
}

/** The listed windows as the `listed` CTE the details statement starts from. */
function listedCte(
  listed: readonly ScreenedWindow[],
  totals: { total: number; blackSpots: number },
  params: SqlParams,
) {
  const column = <T>(read: (w: ScreenedWindow) => T) => params.add(listed.map(read));
  return `listed AS (
      SELECT l.*, ${params.add(totals.total)}::int AS total, ${params.add(totals.blackSpots)}::int AS black_spots
      FROM unnest(${params.add(listed.map((_, index) => index + 1))}::int[], ${column((w) => w.basis)}::text[],
                  ${column((w) => w.roadKey)}::text[], ${column((w) => w.startM)}::int[], ${column((w) => w.crashes)}::int[],
                  ${column((w) => w.deaths)}::int[], ${column((w) => w.serious)}::int[], ${column((w) => w.minor)}::int[],
                  ${column((w) => w.epdo)}::float8[], ${column((w) => w.predicted)}::float8[],
                  ${column((w) => w.ebExpected)}::float8[], ${column((w) => w.blackSpot)}::boolean[])
        AS l(pos, basis, road_key, start_m, crashes, deaths, serious, minor, epdo, predicted, eb_expected, black_spot)
    )`;
}

/** The ranking's rows, from the road bins (binsAnswer must hold for the options) or from the crashes. */
export async function rankInMemory(
  db: Queryable,
  options: RoadSectionOptions,
  from: PlaceSource,
): Promise<SectionRow[]> {
  const placesParams = new SqlParams();
  const { rows } = await db.query<RoadPlacesRow>(
    roadPlacesSql(options, from, placesParams),
    placesParams.values,
  );
  const screening = screenRoadPlaces(rows.map(toRoadPlaces), classPopulations(rows, options.stepM), options);
  if (screening.listed.length === 0) return [];
  const params = new SqlParams();
  const listed = listedCte(screening.listed, screening, params);
  const details = windowDetailsSql(options, params);
  const described = await db.query<SectionRow>(
    `WITH ${listed}, ${listedDetailsSql(options.filter, details, params)}`,
    params.values,
  );
  return described.rows;
}
