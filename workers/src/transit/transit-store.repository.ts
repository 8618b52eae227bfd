// SQL of the transit engine: stop visits (batched insert), learned segment times (batched upsert and load).
import type { Queryable } from '@toc/server/db/pool';
import { MEAN_WINDOW, type SegmentDelta, type TimeStat } from './segment-history';
import type { StopVisit } from './vehicle-tracker';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const isoDate = (yyyymmdd: string) =>
  `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

export async function insertStopVisits(db: Queryable, visits: readonly StopVisit[]): Promise<void> {
  if (visits.length === 0) return;
  await db.query(
    `INSERT INTO bus_stop_visits (vehicle_id, feed_id, trip_id, route_id, service_date, stop_id, stop_sequence,
       arrived_at, departed_at, scheduled_arrival, scheduled_departure, delay_s)
     SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::date[], $6::text[], $7::int[],
       $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::timestamptz[], $12::int[])`,
    [
      visits.map((v) => v.vehicleId),
      visits.map((v) => v.feedId),
      visits.map((v) => v.tripId),
      visits.map((v) => v.routeId),
      visits.map((v) => isoDate(v.serviceDate)),
      visits.map((v) => v.stopId),
      visits.map((v) => v.stopSequence),
      visits.map((v) => iso(v.arrivedMs)),
      visits.map((v) => iso(v.departedMs)),
      visits.map((v) => iso(v.scheduledArrivalMs)),
      visits.map((v) => iso(v.scheduledDepartureMs)),
      visits.map((v) => v.delayS),
    ],
  );
}

/** Adds batches of samples to the stored means (the same windowed mean as in memory, so several workers can add). */
export async function upsertSegmentTimes(db: Queryable, deltas: readonly SegmentDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await db.query(
    `INSERT INTO bus_segment_times AS s (feed_id, route_id, kind, from_stop_id, to_stop_id, hour_of_day, samples, mean_s)
     SELECT feed_id, route_id, kind, from_stop_id, to_stop_id, hour, n, total / n
     FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::smallint[], $7::int[], $8::float8[])
       AS d (feed_id, route_id, kind, from_stop_id, to_stop_id, hour, n, total)
     WHERE EXISTS (SELECT 1 FROM gtfs_feeds f WHERE f.id = d.feed_id)
     ON CONFLICT (feed_id, route_id, kind, from_stop_id, to_stop_id, hour_of_day) DO UPDATE SET
       mean_s = (s.mean_s * LEAST(s.samples, $9::int) + EXCLUDED.mean_s * EXCLUDED.samples)
                / (LEAST(s.samples, $9::int) + EXCLUDED.samples),
       samples = s.samples + EXCLUDED.samples,
       updated_at = now()`,
    [
      deltas.map((d) => d.feedId),
      deltas.map((d) => d.routeId),
      deltas.map((d) => d.kind),
      deltas.map((d) => d.fromStopId),
      deltas.map((d) => d.toStopId),
      deltas.map((d) => d.hour),
      deltas.map((d) => d.count),
      deltas.map((d) => d.sumS),
      MEAN_WINDOW,
    ],
  );
}

export async function loadSegmentTimes(
  db: Queryable,
): Promise<Array<Omit<SegmentDelta, 'count' | 'sumS'> & TimeStat>> {
  const { rows } = await db.query<{
    feed_id: number;
    route_id: string;
    kind: 'run' | 'dwell';
    from_stop_id: string;
    to_stop_id: string;
    hour_of_day: number;
    samples: number;
    mean_s: number;
  }>(
    'SELECT feed_id, route_id, kind, from_stop_id, to_stop_id, hour_of_day, samples, mean_s FROM bus_segment_times',
  );
  return rows.map((r) => ({
    feedId: r.feed_id,
    routeId: r.route_id,
    kind: r.kind,
    fromStopId: r.from_stop_id,
    toStopId: r.to_stop_id,
    hour: r.hour_of_day,
    samples: r.samples,
    meanS: r.mean_s,
  }));
}
