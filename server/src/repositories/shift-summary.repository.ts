// SQL for the shift summary: the alarms that started in a period, counted by type, status, severity and district,
// with the time to acknowledge, in one statement.
import type { Queryable } from '../db/pool';
import type { EventStatus, EventType, Severity, ShiftSummary } from '../schemas';

/** Measurements the pipeline records as events, not alarms anyone acknowledges. */
export const MEASUREMENT_TYPES: readonly EventType[] = ['traffic.vehicles', 'crowd.count'];
/** An alarm belongs to the district of the nearest place that names one within this distance. */
export const DISTRICT_RADIUS_M = 15_000;

interface SummaryRow {
  type: EventType | null;
  status: EventStatus | null;
  severity: Severity | null;
  district: string | null;
  district_th: string | null;
  /** GROUPING() flags: 1 where the row is not grouped by that column. */
  all_types: number;
  all_statuses: number;
  all_severities: number;
  all_districts: number;
  n: number;
  acknowledged: number;
  mean_ack_s: number | null;
  median_ack_s: number | null;
  unacknowledged: number;
  escalated: number;
  repeats: number;
}

export type ShiftFigures = Omit<ShiftSummary, 'day' | 'from' | 'to'>;

/** Most first, then by name, so the tables read the same from one load to the next. */
const byCount =
  <T extends { count: number }>(key: (item: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || key(a).localeCompare(key(b));

/** As byCount, with the alarms of no district last whatever their number. */
const districtOrder = (
  a: { district: string | null; count: number },
  b: { district: string | null; count: number },
) =>
  Number(a.district === null) - Number(b.district === null) ||
  byCount<typeof a>((item) => item.district ?? '')(a, b);

export async function shiftFigures(db: Queryable, period: { from: Date; to: Date }): Promise<ShiftFigures> {
  const { rows } = await db.query<SummaryRow>(
    `WITH alarms AS (
       SELECT e.type, e.status, e.severity, e.occurrences, e.escalated_at, near.district, near.district_th,
              -- A worker's clock slightly ahead of the server's must not make a negative wait (GREATEST skips
              -- NULLs, so the unacknowledged stay NULL only through the CASE).
              CASE WHEN e.acknowledged_at IS NOT NULL
                   THEN GREATEST(extract(epoch FROM e.acknowledged_at - e.started_at), 0)::float8 END AS ack_s
         FROM events e
         LEFT JOIN LATERAL (
           SELECT p.district, p.district_th
             FROM places p
            WHERE p.district IS NOT NULL
              AND ST_DWithin(p.location::geography, e.location::geography, $4)
            ORDER BY ST_Distance(p.location::geography, e.location::geography), p.id
            LIMIT 1
         ) near ON true
        WHERE e.started_at >= $1::timestamptz AND e.started_at < $2::timestamptz
          AND e.type <> ALL ($3::text[])
     )
     SELECT type, status, severity, district, district_th,
            GROUPING(type) AS all_types, GROUPING(status) AS all_statuses, GROUPING(severity) AS all_severities,
            GROUPING(district, district_th) AS all_districts,
            count(*)::int AS n,
            count(ack_s)::int AS acknowledged,
            avg(ack_s)::float8 AS mean_ack_s,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY ack_s) AS median_ack_s,
            (count(*) FILTER (WHERE status = 'open'))::int AS unacknowledged,
            count(escalated_at)::int AS escalated,
            COALESCE(sum(occurrences - 1), 0)::int AS repeats
       FROM alarms
      GROUP BY GROUPING SETS ((type), (status), (severity), (district, district_th), ())`,
    [period.from.toISOString(), period.to.toISOString(), MEASUREMENT_TYPES, DISTRICT_RADIUS_M],
  );
  const grouped = (row: SummaryRow) => [
    row.all_types,
    row.all_statuses,
    row.all_severities,
    row.all_districts,
  ];
  const total = rows.find((row) => grouped(row).every((flag) => flag !== 0));
  return {
    total: total?.n ?? 0,
    byType: rows
      .filter((row) => row.all_types === 0)
      .map((row) => ({ type: row.type!, count: row.n }))
      .sort(byCount((item) => item.type)),
    byStatus: rows
      .filter((row) => row.all_statuses === 0)
      .map((row) => ({ status: row.status!, count: row.n }))
      .sort(byCount((item) => item.status)),
    bySeverity: rows
      .filter((row) => row.all_severities === 0)
      .map((row) => ({ severity: row.severity!, count: row.n }))
      .sort(byCount((item) => item.severity)),
    byDistrict: rows
      .filter((row) => row.all_districts === 0)
      .map((row) => ({ district: row.district, districtTh: row.district_th, count: row.n }))
      .sort(districtOrder),
    acknowledged: total?.acknowledged ?? 0,
    meanAckS: total?.mean_ack_s ?? null,
    medianAckS: total?.median_ack_s ?? null,
    unacknowledged: total?.unacknowledged ?? 0,
    escalated: total?.escalated ?? 0,
    repeatsFolded: total?.repeats ?? 0,
  };
}
