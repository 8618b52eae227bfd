// SQL for the planners' time series: crowd counts per zone and line crossings per interval.
import type { Queryable } from '../db/pool';
import type { CountsQuery, CrowdSample, LineCountRow } from '../schemas';
import { isoRequired } from './row-mapping';

export async function insertCrowdSample(db: Queryable, cameraId: number, sample: CrowdSample): Promise<void> {
  await db.query(
    `INSERT INTO crowd_counts (camera_id, zone_id, at, count_mean, count_max, density) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (zone_id, at) DO NOTHING`,
    [cameraId, sample.zoneId, sample.at, sample.countMean, sample.countMax, sample.density],
  );
}

export async function insertLineCounts(db: Queryable, cameraId: number, rows: LineCountRow[]): Promise<void> {
  if (rows.length === 0) return;
  // One multi-row insert from arrays: a single round trip however many labels crossed.
  await db.query(
    `INSERT INTO line_counts (camera_id, line_id, started_at, ended_at, label, forward, reverse)
     SELECT $1, * FROM unnest($2::int[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::int[], $7::int[])`,
    [
      cameraId,
      rows.map((r) => r.lineId),
      rows.map((r) => r.startedAt),
      rows.map((r) => r.endedAt),
      rows.map((r) => r.label),
      rows.map((r) => r.forward),
      rows.map((r) => r.reverse),
    ],
  );
}

const range = (query: CountsQuery) => [query.from ?? null, query.to ?? null, query.limit];

export async function queryCrowdCounts(db: Queryable, cameraId: number, query: CountsQuery): Promise<CrowdSample[]> {
  const { rows } = await db.query<{ zone_id: number; at: Date; count_mean: number; count_max: number; density: number | null }>(
    `SELECT zone_id, at, count_mean, count_max, density FROM crowd_counts
      WHERE camera_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3)
      ORDER BY at DESC LIMIT $4`,
    [cameraId, ...range(query)],
  );
  return rows.map((r) => ({ zoneId: r.zone_id, at: isoRequired(r.at), countMean: r.count_mean, countMax: r.count_max, density: r.density }));
}

export async function queryLineCounts(db: Queryable, cameraId: number, query: CountsQuery): Promise<LineCountRow[]> {
  const { rows } = await db.query<{ line_id: number; started_at: Date; ended_at: Date; label: string; forward: number; reverse: number }>(
    `SELECT line_id, started_at, ended_at, label, forward, reverse FROM line_counts
      WHERE camera_id = $1 AND ($2::timestamptz IS NULL OR started_at >= $2) AND ($3::timestamptz IS NULL OR started_at < $3)
      ORDER BY started_at DESC, line_id, label LIMIT $4`,
    [cameraId, ...range(query)],
  );
  return rows.map((r) => ({
    lineId: r.line_id,
    startedAt: isoRequired(r.started_at),
    endedAt: isoRequired(r.ended_at),
    label: r.label,
    forward: r.forward,
    reverse: r.reverse,
  }));
}
