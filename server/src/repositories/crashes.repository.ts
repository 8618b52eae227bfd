// The crash store's SQL: crashes written idempotently by source key, snapped to the major roads, and the import rows.
import type { Queryable } from '../db/pool';
import type { CrashRecord, RowRejection } from '../crashes/crash-record';

export interface UpsertCounts {
  added: number;
  updated: number;
  same: number;
}

/** Columns written from a CrashRecord, in the order of the jsonb_to_recordset definition below. */
const toRow = (crash: CrashRecord) => ({
  source: crash.source,
  source_key: crash.sourceKey,
  occurred_at: crash.occurredAt,
  year: crash.year,
  lon: crash.lon,
  lat: crash.lat,
  province: crash.province,
  road_code: crash.roadCode,
  road_name: crash.roadName,
  km: crash.km,
  agency: crash.agency,
  cause: crash.cause?.code ?? null,
  cause_raw: crash.cause?.raw ?? null,
  crash_type: crash.crashType?.code ?? null,
  crash_type_raw: crash.crashType?.raw ?? null,
  weather: crash.weather?.code ?? null,
  weather_raw: crash.weather?.raw ?? null,
  road_feature: crash.roadFeature?.code ?? null,
  road_feature_raw: crash.roadFeature?.raw ?? null,
  vehicles: crash.vehicles,
  vehicle_codes: crash.vehicles.map((v) => v.code),
  pedestrians: crash.pedestrians,
  deaths: crash.deaths,
  serious_injuries: crash.seriousInjuries,
  minor_injuries: crash.minorInjuries,
  notes: crash.notes,
});

/**
 * Writes a batch of crashes. A crash already stored under its source key is updated only when its record changed
 * (a re-import of the same file changes nothing, not even updated_at); returns how many were new, changed, the same.
 */
export async function upsertCrashes(
  db: Queryable,
  importId: number,
  crashes: CrashRecord[],
): Promise<UpsertCounts> {
  if (crashes.length === 0) return { added: 0, updated: 0, same: 0 };
  const { rows } = await db.query<{ added: boolean }>(
    `INSERT INTO crashes (source, source_key, occurred_at, year, location, province, road_code, road_name, km, agency,
       cause, cause_raw, crash_type, crash_type_raw, weather, weather_raw, road_feature, road_feature_raw,
       vehicles, vehicle_codes, pedestrians, deaths, serious_injuries, minor_injuries, notes, import_id)
     SELECT r.source, r.source_key, r.occurred_at, r.year, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.province,
       r.road_code, r.road_name, r.km, r.agency, r.cause, r.cause_raw, r.crash_type, r.crash_type_raw, r.weather,
       r.weather_raw, r.road_feature, r.road_feature_raw, r.vehicles, r.vehicle_codes, r.pedestrians, r.deaths,
       r.serious_injuries, r.minor_injuries, r.notes, $1
     FROM jsonb_to_recordset($2::jsonb) AS r (source text, source_key text, occurred_at timestamptz, year smallint,
       lon double precision, lat double precision, province text, road_code text, road_name text,
       km double precision, agency text, cause text, cause_raw text, crash_type text, crash_type_raw text,
       weather text, weather_raw text, road_feature text, road_feature_raw text, vehicles jsonb,
       vehicle_codes text[], pedestrians smallint, deaths smallint, serious_injuries smallint,
       minor_injuries smallint, notes text[])
     ON CONFLICT (source, source_key) DO UPDATE SET
       occurred_at = excluded.occurred_at, year = excluded.year, location = excluded.location,
       province = excluded.province, road_code = excluded.road_code, road_name = excluded.road_name,
       km = excluded.km, agency = excluded.agency, cause = excluded.cause, cause_raw = excluded.cause_raw,
       crash_type = excluded.crash_type, crash_type_raw = excluded.crash_type_raw, weather = excluded.weather,
       weather_raw = excluded.weather_raw, road_feature = excluded.road_feature,
       road_feature_raw = excluded.road_feature_raw, vehicles = excluded.vehicles,
       vehicle_codes = excluded.vehicle_codes, pedestrians = excluded.pedestrians, deaths = excluded.deaths,
       serious_injuries = excluded.serious_injuries, minor_injuries = excluded.minor_injuries,
       notes = excluded.notes, import_id = excluded.import_id, updated_at = now(),
       -- A moved crash is snapped again.
       road_id = CASE WHEN ST_Equals(crashes.location, excluded.location) THEN crashes.road_id END,
       road_distance_m = CASE WHEN ST_Equals(crashes.location, excluded.location) THEN crashes.road_distance_m END
     WHERE (crashes.occurred_at, crashes.year, ST_AsBinary(crashes.location), crashes.province, crashes.road_code,
         crashes.road_name, crashes.km, crashes.agency, crashes.cause, crashes.cause_raw, crashes.crash_type,
         crashes.crash_type_raw, crashes.weather, crashes.weather_raw, crashes.road_feature,
         crashes.road_feature_raw, crashes.vehicles, crashes.pedestrians, crashes.deaths, crashes.serious_injuries,
         crashes.minor_injuries, crashes.notes)
       IS DISTINCT FROM
       (excluded.occurred_at, excluded.year, ST_AsBinary(excluded.location), excluded.province, excluded.road_code,
         excluded.road_name, excluded.km, excluded.agency, excluded.cause, excluded.cause_raw, excluded.crash_type,
         excluded.crash_type_raw, excluded.weather, excluded.weather_raw, excluded.road_feature,
         excluded.road_feature_raw, excluded.vehicles, excluded.pedestrians, excluded.deaths,
         excluded.serious_injuries, excluded.minor_injuries, excluded.notes)
     RETURNING (xmax = 0) AS added`,
    [importId, JSON.stringify(crashes.map(toRow))],
  );
  const added = rows.filter((r) => r.added).length;
  return { added, updated: rows.length - added, same: crashes.length - rows.length };
}

/**
 * Fresh planner statistics for the crashes and the tables counted ahead from them, after a bulk change. Without them
 * the planner takes thousands of new rows for a handful and the analyses join their CTEs by nested loops (measured:
 * a road ranking over 15,000 crashes just imported took 2.0 s, 0.12 s after this).
 */
export async function analyzeCrashTables(db: Queryable): Promise<void> {
  await db.query('ANALYZE crashes, crash_road_bins, crash_road_bin_totals, crash_heatmap_cells');
}

/**
 * Snaps every crash not yet tried to the nearest major road: its distance off the road is always kept, the road and
 * the distance along it from its start only within `maxDistanceM`. The index finds a few candidates by planar
 * distance; the true (geodesic) nearest of them is taken. Returns how many crashes found a road.
 */
export async function snapUnsnappedCrashes(db: Queryable, maxDistanceM: number): Promise<number> {
  const { rows } = await db.query<{ on_road: boolean }>(
    `WITH nearest AS (
       SELECT c.id AS crash_id, r.id AS road_id, r.geom, c.location, r.distance_m
       FROM crashes c
       CROSS JOIN LATERAL (
         SELECT candidate.id, candidate.geom, ST_Distance(candidate.geom::geography, c.location::geography) AS distance_m
         FROM (SELECT id, geom FROM roads ORDER BY geom <-> c.location LIMIT 4) candidate
         ORDER BY distance_m
         LIMIT 1
       ) r
       WHERE c.road_distance_m IS NULL
     )
     UPDATE crashes c SET
       road_id = CASE WHEN n.distance_m <= $1 THEN n.road_id END,
       road_offset_m = CASE WHEN n.distance_m <= $1
         THEN ST_LineLocatePoint(n.geom, n.location) * ST_Length(n.geom::geography) END,
       road_distance_m = n.distance_m
     FROM nearest n
     WHERE c.id = n.crash_id
     RETURNING c.road_id IS NOT NULL AS on_road`,
    [maxDistanceM],
  );
  return rows.filter((row) => row.on_road).length;
}

export interface RoadLine {
  sourceId: string;
  roadClass: string;
  coordinates: [number, number][];
}

/** Loads road lines, updating those already loaded by their source id. */
export async function upsertRoads(db: Queryable, roads: RoadLine[]): Promise<void> {
  await db.query(
    `INSERT INTO roads (source_id, class, geom)
     SELECT r.source_id, r.class, ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)
     FROM jsonb_to_recordset($1::jsonb) AS r (source_id text, class text, geometry jsonb)
     ON CONFLICT (source_id) DO UPDATE SET class = excluded.class, geom = excluded.geom
     WHERE NOT ST_Equals(roads.geom, excluded.geom) OR roads.class <> excluded.class`,
    [
      JSON.stringify(
        roads.map((road) => ({
          source_id: road.sourceId,
          class: road.roadClass,
          geometry: { type: 'LineString', coordinates: road.coordinates },
        })),
      ),
    ],
  );
}

export async function countRoads(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM roads');
  return rows[0]!.n;
}

export interface ImportRowCounts extends UpsertCounts {
  read: number;
  rejected: number;
}

export async function insertCrashImport(
  db: Queryable,
  input: {
    source: 'doh_csv' | 'fatal_points';
    fileName: string;
    fileSha256: string;
    userId: number | null;
    username: string;
  },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO crash_imports (source, file_name, file_sha256, created_by, username)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.source, input.fileName, input.fileSha256, input.userId, input.username],
  );
  return rows[0]!.id;
}

export async function finishCrashImport(
  db: Queryable,
  id: number,
  counts: ImportRowCounts,
  rejections: RowRejection[],
): Promise<void> {
  await db.query(
    `UPDATE crash_imports SET status = 'done', finished_at = now(), rows_read = $2, rows_added = $3,
       rows_updated = $4, rows_same = $5, rows_rejected = $6, rejections = $7::jsonb
     WHERE id = $1`,
    [id, counts.read, counts.added, counts.updated, counts.same, counts.rejected, JSON.stringify(rejections)],
  );
}

export async function failCrashImport(
  db: Queryable,
  id: number,
  error: { message: string; messageTh: string },
): Promise<void> {
  await db.query(
    `UPDATE crash_imports SET status = 'failed', finished_at = now(), error = $2::jsonb WHERE id = $1`,
    [id, JSON.stringify(error)],
  );
}

/**
 * Keeps the crash store in step with an operator's decision on a camera accident: a `traffic.accident` event with a
 * place that an operator acknowledged or resolved is a crash (source "camera", keyed by the event); one marked a
 * false alarm is not. Other events are left alone. Returns whether a crash was added or removed.
 */
export async function syncCameraCrash(db: Queryable, eventId: number): Promise<boolean> {
  const { rows } = await db.query<{ changed: boolean }>(
    `WITH confirmed AS (
       INSERT INTO crashes (source, source_key, event_id, occurred_at, year, location, notes)
       SELECT 'camera', e.id::text, e.id, e.started_at,
              extract(year FROM e.started_at AT TIME ZONE 'Asia/Bangkok')::smallint, e.location,
              ARRAY['confirmed by an operator from camera ' || coalesce(e.camera_id::text, '?')]
       FROM events e
       WHERE e.id = $1 AND e.type = 'traffic.accident' AND e.location IS NOT NULL
         AND e.status IN ('acknowledged', 'resolved')
       ON CONFLICT (source, source_key) DO NOTHING
       RETURNING id
     ), dismissed AS (
       DELETE FROM crashes c USING events e
       WHERE c.event_id = $1 AND e.id = $1 AND e.status = 'false_alarm'
       RETURNING c.id
     )
     SELECT EXISTS (SELECT 1 FROM confirmed) OR EXISTS (SELECT 1 FROM dismissed) AS changed`,
    [eventId],
  );
  return rows[0]!.changed;
}

export interface StoredCrashImport {
  id: number;
  source: 'doh_csv' | 'fatal_points';
  fileName: string;
  fileSha256: string;
  status: 'running' | 'done' | 'failed';
  counts: ImportRowCounts;
  error: { message: string; messageTh: string } | null;
  username: string;
  createdAt: string;
  finishedAt: string | null;
}

/** The latest imports, newest first. */
export async function listCrashImports(db: Queryable, limit: number): Promise<StoredCrashImport[]> {
  const { rows } = await db.query<{
    id: number;
    source: 'doh_csv' | 'fatal_points';
    file_name: string;
    file_sha256: string;
    status: 'running' | 'done' | 'failed';
    rows_read: number;
    rows_added: number;
    rows_updated: number;
    rows_same: number;
    rows_rejected: number;
    error: { message: string; messageTh: string } | null;
    username: string;
    created_at: Date;
    finished_at: Date | null;
  }>(
    `SELECT id, source, file_name, file_sha256, status, rows_read, rows_added, rows_updated, rows_same, rows_rejected,
            error, username, created_at, finished_at
     FROM crash_imports ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    status: row.status,
    counts: {
      read: row.rows_read,
      added: row.rows_added,
      updated: row.rows_updated,
      same: row.rows_same,
      rejected: row.rows_rejected,
    },
    error: row.error,
    username: row.username,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  }));
}
