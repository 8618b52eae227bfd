// The filtered crashes broken down by month, weekday and hour (Bangkok time), cause, crash type, vehicle and weather,
// in one statement over the filtered rows, with the vocabulary's Thai and English labels.
import type { Queryable } from '../db/pool';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import { DOH_LABELS, UNKNOWN_CODE, type Label } from '../crashes/doh/doh-vocabulary';
import { SqlParams } from '../lib/sql-params';
import type { CodedCount, CrashBreakdown } from '../schemas';
import { toBuddhistEra } from './crash-rankings.repository';

interface CodeRow {
  code: string;
  crashes: number;
  deaths: number;
}

interface BreakdownRow {
  total: CrashBreakdown['total'];
  by_year_month: { year: number; month: number; crashes: number; deaths: number }[];
  year_only: { year: number; crashes: number; deaths: number }[];
  hour_weekday: { weekday: number; hour: number; crashes: number }[];
  by_cause: CodeRow[];
  by_crash_type: CodeRow[];
  by_vehicle: CodeRow[];
  by_weather: CodeRow[];
}

/** Crashes and deaths by a code column; a crash without the value counts as 'unknown'. */
const byCode = (unknown: string, expression: string, from = 'f') =>
  `(SELECT coalesce(json_agg(x ORDER BY x.crashes DESC, x.code), '[]')
    FROM (SELECT coalesce(${expression}, ${unknown}::text) AS code, count(*) AS crashes,
                 coalesce(sum(f.deaths), 0) AS deaths
          FROM ${from} GROUP BY 1) x)`;

function breakdownSql(filter: CrashFilter, params: SqlParams): string {
  const where = crashFilterSql(filter, params);
  const unknown = params.add(UNKNOWN_CODE);
  return `WITH f AS MATERIALIZED (
      SELECT c.occurred_at, c.occurred_at AT TIME ZONE 'Asia/Bangkok' AS local, c.year, c.deaths,
             c.serious_injuries, c.minor_injuries, c.cause, c.crash_type, c.weather, c.vehicle_codes
      FROM crashes c
      WHERE ${where}
    )
    SELECT
      (SELECT json_build_object('crashes', count(*), 'deaths', coalesce(sum(deaths), 0),
         'serious', coalesce(sum(serious_injuries), 0), 'minor', coalesce(sum(minor_injuries), 0)) FROM f) AS total,
      (SELECT coalesce(json_agg(x ORDER BY x.year, x.month), '[]')
       FROM (SELECT extract(year FROM local)::int AS year, extract(month FROM local)::int AS month,
                    count(*) AS crashes, sum(deaths) AS deaths
             FROM f WHERE local IS NOT NULL GROUP BY 1, 2) x) AS by_year_month,
      (SELECT coalesce(json_agg(x ORDER BY x.year), '[]')
       FROM (SELECT year, count(*) AS crashes, sum(deaths) AS deaths
             FROM f WHERE occurred_at IS NULL GROUP BY 1) x) AS year_only,
      (SELECT coalesce(json_agg(x), '[]')
       FROM (SELECT extract(dow FROM local)::int AS weekday, extract(hour FROM local)::int AS hour,
                    count(*) AS crashes
             FROM f WHERE local IS NOT NULL GROUP BY 1, 2) x) AS hour_weekday,
      ${byCode(unknown, 'f.cause')} AS by_cause,
      ${byCode(unknown, 'f.crash_type')} AS by_crash_type,
      ${byCode(unknown, 'f.weather')} AS by_weather,
      -- A crash under each vehicle type it involves; one with none recorded (the fatal-crash points) under 'unknown'.
      ${byCode(unknown, 'v.code', 'f LEFT JOIN LATERAL unnest(f.vehicle_codes) AS v(code) ON TRUE')} AS by_vehicle`;
}

/** A code's labels; a code the vocabulary does not have is its own label. */
function labelled(labels: Readonly<Record<string, Label>>, rows: CodeRow[]): CodedCount[] {
  return rows.map((row) => {
    const label = Object.hasOwn(labels, row.code) ? labels[row.code]! : { th: row.code, en: row.code };
    return { code: row.code, th: label.th, en: label.en, crashes: row.crashes, deaths: row.deaths };
  });
}

/** 7 × 24 counts, [weekday 0 = Sunday][hour]. */
function hourByWeekday(cells: BreakdownRow['hour_weekday']): number[][] {
  const matrix = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const cell of cells) matrix[cell.weekday]![cell.hour] = cell.crashes;
  return matrix;
}

export async function crashBreakdown(db: Queryable, filter: CrashFilter): Promise<CrashBreakdown> {
  const params = new SqlParams();
  const { rows } = await db.query<BreakdownRow>(breakdownSql(filter, params), params.values);
  const row = rows[0]!;
  return {
    total: row.total,
    byYearMonth: row.by_year_month.map((m) => ({ ...m, yearBe: toBuddhistEra(m.year) })),
    yearOnly: row.year_only.map((y) => ({ ...y, yearBe: toBuddhistEra(y.year) })),
    hourByWeekday: hourByWeekday(row.hour_weekday),
    byCause: labelled(DOH_LABELS.cause, row.by_cause),
    byCrashType: labelled(DOH_LABELS.crashType, row.by_crash_type),
    byVehicle: labelled(DOH_LABELS.vehicle, row.by_vehicle),
    byWeather: labelled(DOH_LABELS.weather, row.by_weather),
  };
}
