// Grows the crash store to the bench's size by resampling the real national fatal-crash points in SQL: each new crash
// sits a few hundred metres from a real point, at a random Bangkok time over six years, with the severity, cause and
// vehicles of a random real DOH record (those have every severity; the fatal points are all fatal).
import type { Queryable } from '../src/db/pool';

/** Jitter radius, metres (uniform over the disc). */
const JITTER_M = 300;
const METRES_PER_DEGREE_LAT = 110_540;
const METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;
/** Bangkok wall-clock times from this day over this many days (2020–2025). */
const FIRST_DAY = '2020-01-01';
const DAYS = 2192;

/** Adds `count` resampled crashes (source doh_csv, keys `bench-<n>`, not yet snapped); returns how many were added. */
export async function addResampledCrashes(db: Queryable, count: number): Promise<number> {
  if (count <= 0) return 0;
  // random() is drawn once per generated row in `draw` (a volatile subquery is not flattened into the join).
  const { rowCount } = await db.query(
    `WITH point AS MATERIALIZED (
       SELECT row_number() OVER (ORDER BY id)::int AS n, location FROM crashes WHERE source = 'fatal_points'
     ),
     record AS MATERIALIZED (
       SELECT row_number() OVER (ORDER BY id)::int AS n, cause, cause_raw, crash_type, crash_type_raw, weather,
              weather_raw, road_feature, road_feature_raw, vehicles, vehicle_codes, pedestrians, deaths,
              serious_injuries, minor_injuries
       FROM crashes WHERE source = 'doh_csv'
     ),
     draw AS (
       SELECT g, 1 + floor(random() * (SELECT count(*) FROM point))::int AS p,
              1 + floor(random() * (SELECT count(*) FROM record))::int AS r,
              $2::float8 * sqrt(random()) AS d, 2 * pi() * random() AS angle,
              $3::date + random() * ($4::int * interval '1 day') AS local_time
       FROM generate_series(1, $1::int) g
     )
     INSERT INTO crashes (source, source_key, occurred_at, year, location, cause, cause_raw, crash_type,
       crash_type_raw, weather, weather_raw, road_feature, road_feature_raw, vehicles, vehicle_codes, pedestrians,
       deaths, serious_injuries, minor_injuries, notes)
     SELECT 'doh_csv', 'bench-' || draw.g, draw.local_time AT TIME ZONE 'Asia/Bangkok',
            extract(year FROM draw.local_time)::smallint,
            ST_SetSRID(ST_MakePoint(
              ST_X(point.location) + draw.d * cos(draw.angle) / ($5 * cos(radians(ST_Y(point.location)))),
              ST_Y(point.location) + draw.d * sin(draw.angle) / $6), 4326),
            record.cause, record.cause_raw, record.crash_type, record.crash_type_raw, record.weather,
            record.weather_raw, record.road_feature, record.road_feature_raw, record.vehicles, record.vehicle_codes,
            record.pedestrians, record.deaths, record.serious_injuries, record.minor_injuries,
            ARRAY['bench: resampled from a national fatal-crash point']
     FROM draw JOIN point ON point.n = draw.p JOIN record ON record.n = draw.r`,
    [count, JITTER_M, FIRST_DAY, DAYS, METRES_PER_DEGREE_LON_AT_EQUATOR, METRES_PER_DEGREE_LAT],
  );
  return rowCount ?? 0;
}

export interface StoreCounts {
  crashes: number;
  snapped: number;
  onRoad: number;
  fatal: number;
}

export async function storeCounts(db: Queryable): Promise<StoreCounts> {
  const { rows } = await db.query<StoreCounts>(
    `SELECT count(*)::int AS crashes, count(road_distance_m)::int AS snapped, count(road_id)::int AS "onRoad",
            count(*) FILTER (WHERE deaths > 0)::int AS fatal
     FROM crashes`,
  );
  return rows[0]!;
}
