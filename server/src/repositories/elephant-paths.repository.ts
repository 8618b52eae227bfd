// SQL for elephant movement paths: each sighting extends the recent nearby path or starts a new one.
import type { Queryable } from '../db/pool';
import type { ElephantPath, LonLat } from '../schemas';
import { isoRequired } from './row-mapping';

interface PathRow {
  id: number;
  started_at: Date;
  updated_at: Date;
  points: { coordinates: [number, number][] } | null;
  last_lon: number;
  last_lat: number;
  sightings: number[];
}

const SELECT_PATH = `SELECT id, started_at, updated_at, ST_AsGeoJSON(path)::json AS points,
  ST_X(last_point) AS last_lon, ST_Y(last_point) AS last_lat, sightings FROM elephant_paths`;

const toPath = (row: PathRow): ElephantPath => ({
  id: row.id,
  startedAt: isoRequired(row.started_at),
  updatedAt: isoRequired(row.updated_at),
  points: row.points
    ? row.points.coordinates.map(([lon, lat]) => ({ lon, lat }))
    : [{ lon: row.last_lon, lat: row.last_lat }],
  sightings: row.sightings,
});

/**
 * Adds a sighting to the path last updated within `maxGapS` whose last point is within `maxJumpM`
 * (a herd walks a few km an hour), or starts a new path. Runs in the caller's transaction.
 */
export async function addSightingToPath(
  db: Queryable,
  sighting: { eventId: number; at: string; location: LonLat },
  limits: { maxGapS: number; maxJumpM: number },
): Promise<ElephantPath> {
  const point = [sighting.location.lon, sighting.location.lat];
  const { rows } = await db.query<{ id: number }>(
    `SELECT id FROM elephant_paths
      WHERE updated_at >= $3::timestamptz - make_interval(secs => $4) AND updated_at <= $3::timestamptz + interval '1 minute'
        AND ST_DWithin(last_point::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $5)
      ORDER BY updated_at DESC LIMIT 1 FOR UPDATE`,
    [...point, sighting.at, limits.maxGapS, limits.maxJumpM],
  );
  const existing = rows[0];
  const result = existing
    ? await db.query<PathRow>(
        `UPDATE elephant_paths SET
           path = CASE WHEN ST_Equals(last_point, ST_SetSRID(ST_MakePoint($2, $3), 4326)) THEN path
                       ELSE ST_AddPoint(COALESCE(path, ST_MakeLine(last_point, last_point)), ST_SetSRID(ST_MakePoint($2, $3), 4326)) END,
           last_point = ST_SetSRID(ST_MakePoint($2, $3), 4326),
           updated_at = GREATEST(updated_at, $4::timestamptz),
           sightings = array_append(sightings, $5::bigint)
         WHERE id = $1
         RETURNING id, started_at, updated_at, ST_AsGeoJSON(path)::json AS points,
                   ST_X(last_point) AS last_lon, ST_Y(last_point) AS last_lat, sightings`,
        [existing.id, ...point, sighting.at, sighting.eventId],
      )
    : await db.query<PathRow>(
        `INSERT INTO elephant_paths (started_at, updated_at, last_point, sightings)
         VALUES ($3, $3, ST_SetSRID(ST_MakePoint($1, $2), 4326), ARRAY[$4::bigint])
         RETURNING id, started_at, updated_at, NULL::json AS points, ST_X(last_point) AS last_lon, ST_Y(last_point) AS last_lat, sightings`,
        [...point, sighting.at, sighting.eventId],
      );
  return toPath(result.rows[0]!);
}

export async function listElephantPaths(db: Queryable, since: string): Promise<ElephantPath[]> {
  const { rows } = await db.query<PathRow>(`${SELECT_PATH} WHERE updated_at >= $1 ORDER BY updated_at DESC LIMIT 200`, [since]);
  return rows.map(toPath);
}
