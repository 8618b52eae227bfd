// Counts for a before/after study: crashes at the site and in the comparison group in two equal periods around the
// date of a measure (Bangkok days), under the planners' filter; and the last crash time the data reaches.
import type { Queryable } from '../db/pool';
import { crashFilterSql, type CrashFilter } from '../crashes/crash-filter';
import { SqlParams } from '../lib/sql-params';

export type BeforeAfterSite =
  | { kind: 'area'; code: string }
  | { kind: 'polygon'; geojson: string }
  | { kind: 'road'; roadCode: string; fromKm: number; toKm: number };

export interface BeforeAfterCounts {
  site: { before: number; after: number; deathsBefore: number; deathsAfter: number };
  comparison: { before: number; after: number };
  /** Crashes the periods cannot place (known only by their year). */
  yearOnly: number;
}

function siteSql(site: BeforeAfterSite, params: SqlParams): string {
  switch (site.kind) {
    case 'area':
      return `ST_Intersects(c.location, (SELECT geom FROM areas WHERE code = ${params.add(site.code)}))`;
    case 'polygon':
      return `ST_Intersects(c.location, ST_SetSRID(ST_GeomFromGeoJSON(${params.add(site.geojson)}), 4326))`;
    case 'road':
      return `(c.road_code = ${params.add(site.roadCode)} AND c.km >= ${params.add(site.fromKm)} AND c.km < ${params.add(site.toKm)})`;
  }
}

/** The latest crash time under the filter: an "after" period cannot run past the data. */
export async function lastCrashAt(db: Queryable, filter: CrashFilter): Promise<Date | null> {
  const params = new SqlParams();
  const { rows } = await db.query<{ last: Date | null }>(
    `SELECT max(c.occurred_at) AS last FROM crashes c WHERE ${crashFilterSql(filter, params)}`,
    params.values,
  );
  return rows[0]!.last;
}

export async function beforeAfterCounts(
  db: Queryable,
  input: { filter: CrashFilter; site: BeforeAfterSite; comparisonArea?: string; date: string; days: number },
): Promise<BeforeAfterCounts> {
  const params = new SqlParams();
  const where = crashFilterSql(input.filter, params);
  const inSite = siteSql(input.site, params);
  const inComparison = input.comparisonArea
    ? `ST_Intersects(c.location, (SELECT geom FROM areas WHERE code = ${params.add(input.comparisonArea)}))`
    : 'TRUE';
  const date = params.add(input.date);
  const days = params.add(input.days);
  const { rows } = await db.query<{
    site_before: number;
    site_after: number;
    deaths_before: number;
    deaths_after: number;
    comparison_before: number;
    comparison_after: number;
    year_only: number;
  }>(
    `WITH bounds AS (
       SELECT (${date}::date - ${days}::int)::timestamp AT TIME ZONE 'Asia/Bangkok' AS before_start,
              (${date}::date)::timestamp AT TIME ZONE 'Asia/Bangkok' AS change_at,
              (${date}::date + ${days}::int)::timestamp AT TIME ZONE 'Asia/Bangkok' AS after_end
     ),
     marked AS (
       SELECT c.deaths, c.occurred_at, coalesce(${inSite}, false) AS in_site, ${inComparison} AS in_comparison,
              CASE WHEN c.occurred_at >= b.before_start AND c.occurred_at < b.change_at THEN 'before'
                   WHEN c.occurred_at >= b.change_at AND c.occurred_at < b.after_end THEN 'after' END AS period
       FROM crashes c, bounds b
       WHERE ${where}
     )
     SELECT count(*) FILTER (WHERE in_site AND period = 'before')::int AS site_before,
            count(*) FILTER (WHERE in_site AND period = 'after')::int AS site_after,
            coalesce(sum(deaths) FILTER (WHERE in_site AND period = 'before'), 0)::int AS deaths_before,
            coalesce(sum(deaths) FILTER (WHERE in_site AND period = 'after'), 0)::int AS deaths_after,
            count(*) FILTER (WHERE NOT in_site AND in_comparison AND period = 'before')::int AS comparison_before,
            count(*) FILTER (WHERE NOT in_site AND in_comparison AND period = 'after')::int AS comparison_after,
            count(*) FILTER (WHERE in_site AND occurred_at IS NULL)::int AS year_only
     FROM marked`,
    params.values,
  );
  const row = rows[0]!;
  return {
    site: {
      before: row.site_before,
      after: row.site_after,
      deathsBefore: row.deaths_before,
      deathsAfter: row.deaths_after,
    },
    comparison: { before: row.comparison_before, after: row.comparison_after },
    yearOnly: row.year_only,
  };
}
