// SQL for stop arrivals: the stop and its feed, and the timetabled calls at a stop in a time window (the fallback when no live board exists).
import type { Queryable } from '../db/pool';
import type { StopArrival, Translations } from '../schemas';

export interface ArrivalStop {
  feedId: number;
  stopId: string;
  name: string;
  translations: Translations;
}

/** The stop in the given feed, or in the only feed that has this stop id; null when none (or ambiguous: see count). */
export async function findArrivalStops(
  db: Queryable,
  stopId: string,
  feedId: number | undefined,
): Promise<ArrivalStop[]> {
  const { rows } = await db.query<{
    feed_id: number;
    stop_id: string;
    name: string;
    translations: Translations;
  }>(
    'SELECT feed_id, stop_id, name, translations FROM gtfs_stops WHERE stop_id = $1 AND ($2::int IS NULL OR feed_id = $2) ORDER BY feed_id LIMIT 5',
    [stopId, feedId ?? null],
  );
  return rows.map((r) => ({
    feedId: r.feed_id,
    stopId: r.stop_id,
    name: r.name,
    translations: r.translations ?? {},
  }));
}

/**
 * Timetabled calls at a stop between two instants: the service days from the day before `from` (GTFS times count
 * from noon minus 12 h and pass 24 h at night) to the date of `to` (a window across midnight), in the feed's time
 * zone; calendar then calendar_dates, frequency trips expanded.
 * A trip's last stop is left out: nobody boards there.
 */
export async function scheduledStopArrivals(
  db: Queryable,
  feedId: number,
  stopId: string,
  from: Date,
  to: Date,
  limit: number,
): Promise<StopArrival[]> {
  const { rows } = await db.query<{
    trip_id: string;
    route_id: string;
    short_name: string | null;
    long_name: string | null;
    color: string | null;
    headsign: string | null;
    translations: Translations;
    at: Date;
  }>(
    `WITH feed AS (SELECT timezone FROM gtfs_feeds WHERE id = $1),
     days AS (
       SELECT d::date AS day, ((d::date + time '12:00') AT TIME ZONE feed.timezone) - interval '12 hours' AS origin
       FROM feed, generate_series(($3::timestamptz AT TIME ZONE feed.timezone)::date - 1, ($4::timestamptz AT TIME ZONE feed.timezone)::date, interval '1 day') AS d
     ),
     active AS (
       (SELECT days.day, days.origin, c.service_id FROM days JOIN gtfs_calendar c ON c.feed_id = $1
          AND c.weekdays[extract(isodow FROM days.day)::int] AND days.day BETWEEN c.start_date AND c.end_date
        UNION
        SELECT days.day, days.origin, cd.service_id FROM days JOIN gtfs_calendar_dates cd ON cd.feed_id = $1 AND cd.date = days.day AND cd.exception_type = 1)
       EXCEPT
       SELECT days.day, days.origin, cd.service_id FROM days JOIN gtfs_calendar_dates cd ON cd.feed_id = $1 AND cd.date = days.day AND cd.exception_type = 2
     ),
     calls AS (
       SELECT t.trip_id, t.route_id, t.headsign, t.translations,
              a.origin + make_interval(secs => COALESCE(st.arrival_s, st.departure_s) + COALESCE(fr.shift, 0)) AS at
       FROM active a
       JOIN gtfs_trips t ON t.feed_id = $1 AND t.service_id = a.service_id
       JOIN gtfs_stop_times st ON st.feed_id = $1 AND st.trip_id = t.trip_id AND st.stop_id = $2
       LEFT JOIN LATERAL (
         SELECT s - (SELECT COALESCE(f0.departure_s, f0.arrival_s) FROM gtfs_stop_times f0 WHERE f0.feed_id = $1 AND f0.trip_id = t.trip_id ORDER BY f0.stop_sequence LIMIT 1) AS shift
         FROM gtfs_frequencies fq, generate_series(fq.start_s, fq.end_s - 1, fq.headway_s) AS s
         WHERE fq.feed_id = $1 AND fq.trip_id = t.trip_id
       ) fr ON true
       WHERE COALESCE(st.arrival_s, st.departure_s) IS NOT NULL
         AND st.stop_sequence < (SELECT max(l.stop_sequence) FROM gtfs_stop_times l WHERE l.feed_id = $1 AND l.trip_id = t.trip_id)
     )
     SELECT calls.trip_id, calls.route_id, r.short_name, r.long_name, r.color, calls.headsign, calls.translations, calls.at
     FROM calls LEFT JOIN gtfs_routes r ON r.feed_id = $1 AND r.route_id = calls.route_id
     WHERE calls.at >= $3 AND calls.at <= $4
     ORDER BY calls.at, calls.trip_id LIMIT $5`,
    [feedId, stopId, from.toISOString(), to.toISOString(), limit],
  );
  return rows.map((r) => {
    const hex = r.color?.replace(/^#/, '');
    return {
      feedId,
      stopId,
      tripId: r.trip_id,
      routeId: r.route_id,
      routeShortName: r.short_name?.trim() || r.long_name?.trim() || null,
      routeColor: hex && /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex.toLowerCase()}` : null,
      headsign: r.headsign,
      headsignTranslations: r.translations ?? {},
      vehicleId: null,
      vehicleLabel: null,
      electric: false,
      predictedAt: r.at.toISOString(),
      scheduledAt: r.at.toISOString(),
      source: 'schedule' as const,
    };
  });
}
