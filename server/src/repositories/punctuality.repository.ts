// SQL of the punctuality report: stop calls' delays grouped overall, per route and per Bangkok hour in one pass.
import type { Queryable } from '../db/pool';
import type { HourPunctuality, PunctualityFigures, RoutePunctuality } from '../schemas';

export interface PunctualityFilter {
  from: Date;
  to: Date;
  feedId: number | null;
  routeId: string | null;
  earlyS: number;
  lateS: number;
}

interface FiguresRow {
  by_route: number;
  by_hour: number;
  feed_id: number | null;
  route_id: string | null;
  hour: number | null;
  short_name: string | null;
  long_name: string | null;
  calls: number;
  on_time_pct: number;
  early_pct: number;
  late_pct: number;
  mean_delay_s: number;
  median_delay_s: number;
  p90_delay_s: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

const figuresOf = (r: FiguresRow): PunctualityFigures => ({
  calls: r.calls,
  onTimePct: round1(r.on_time_pct),
  earlyPct: round1(r.early_pct),
  latePct: round1(r.late_pct),
  meanDelayS: Math.round(r.mean_delay_s),
  medianDelayS: Math.round(r.median_delay_s),
  p90DelayS: Math.round(r.p90_delay_s),
});

/** Calls are grouped by their timetabled arrival; calls without a known delay are left out. */
export async function punctualityFigures(
  db: Queryable,
  f: PunctualityFilter,
): Promise<{ overall: PunctualityFigures | null; routes: RoutePunctuality[]; hours: HourPunctuality[] }> {
  const { rows } = await db.query<FiguresRow>(
    `WITH calls AS (
       SELECT feed_id, route_id, delay_s,
              extract(hour FROM scheduled_arrival AT TIME ZONE 'Asia/Bangkok')::int AS hour
       FROM bus_stop_visits
       WHERE scheduled_arrival >= $1 AND scheduled_arrival < $2 AND delay_s IS NOT NULL
         AND ($3::int IS NULL OR feed_id = $3) AND ($4::text IS NULL OR route_id = $4)
     ), grouped AS (
       SELECT GROUPING(feed_id, route_id) AS by_route, GROUPING(hour) AS by_hour, feed_id, route_id, hour,
              count(*)::int AS calls,
              100.0 * count(*) FILTER (WHERE delay_s BETWEEN -$5::int AND $6::int) / NULLIF(count(*), 0) AS on_time_pct,
              100.0 * count(*) FILTER (WHERE delay_s < -$5::int) / NULLIF(count(*), 0) AS early_pct,
              100.0 * count(*) FILTER (WHERE delay_s > $6::int) / NULLIF(count(*), 0) AS late_pct,
              avg(delay_s)::float8 AS mean_delay_s,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY delay_s) AS median_delay_s,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY delay_s) AS p90_delay_s
       FROM calls
       GROUP BY GROUPING SETS ((), (feed_id, route_id), (hour))
     )
     SELECT g.*, r.short_name, r.long_name
     FROM grouped g LEFT JOIN gtfs_routes r ON r.feed_id = g.feed_id AND r.route_id = g.route_id
     ORDER BY g.feed_id NULLS FIRST, r.short_name, g.route_id, g.hour`,
    [f.from, f.to, f.feedId, f.routeId, f.earlyS, f.lateS],
  );
  // GROUPING() is 0 for the columns a row is grouped by: (0, 1) per route, (3, 0) per hour, (3, 1) overall.
  const overall = rows.find((r) => r.by_route !== 0 && r.by_hour !== 0);
  return {
    overall: overall && overall.calls > 0 ? figuresOf(overall) : null,
    routes: rows
      .filter((r) => r.by_route === 0)
      .map((r) => ({
        feedId: r.feed_id!,
        routeId: r.route_id!,
        shortName: r.short_name,
        longName: r.long_name,
        ...figuresOf(r),
      })),
    hours: rows.filter((r) => r.by_hour === 0).map((r) => ({ hour: r.hour!, ...figuresOf(r) })),
  };
}
