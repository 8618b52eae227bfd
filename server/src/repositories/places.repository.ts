// SQL for places that elephant warnings name: sub-district centroids and imported villages.
import type { Queryable } from '../db/pool';
import type { LonLat, Place, PlaceInput, PlaceNearby } from '../schemas';

interface PlaceRow {
  id: number;
  kind: Place['kind'];
  code: string;
  name: string;
  name_th: string;
  district: string | null;
  district_th: string | null;
  lon: number;
  lat: number;
}

/** Importing a place again (same code) refreshes it rather than adding a copy. */
const UPSERT = `ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_th = EXCLUDED.name_th, district = EXCLUDED.district,
  district_th = EXCLUDED.district_th, location = EXCLUDED.location, source = EXCLUDED.source`;

const toPlace = (row: PlaceRow): Place => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  name: row.name,
  nameTh: row.name_th,
  district: row.district,
  districtTh: row.district_th,
  location: { lon: row.lon, lat: row.lat },
});

/** A sub-district polygon (GeoJSON) stored as its centroid, or a point on its surface when the centroid falls outside. */
export async function upsertSubdistrict(
  db: Queryable,
  place: Omit<PlaceInput, 'location'> & { code: string; geometry: unknown },
): Promise<void> {
  await db.query(
    `WITH g AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON($7), 4326) AS geom)
     INSERT INTO places (kind, code, name, name_th, district, district_th, location, source)
     SELECT 'subdistrict', $1, $2, $3, $4, $5,
            CASE WHEN ST_Contains(geom, ST_Centroid(geom)) THEN ST_Centroid(geom) ELSE ST_PointOnSurface(geom) END, $6
       FROM g
     ${UPSERT}`,
    [
      place.code,
      place.name,
      place.nameTh,
      place.district ?? null,
      place.districtTh ?? null,
      'OCHA COD-AB sub-district boundaries',
      JSON.stringify(place.geometry),
    ],
  );
}

export async function upsertVillage(db: Queryable, place: PlaceInput & { code: string }, source: string): Promise<void> {
  await db.query(
    `INSERT INTO places (kind, code, name, name_th, district, district_th, location, source)
     VALUES ('village', $1, $2, $3, $4, $5, ST_SetSRID(ST_MakePoint($6, $7), 4326), $8)
     ${UPSERT}`,
    [
      place.code,
      place.name,
      place.nameTh,
      place.district ?? null,
      place.districtTh ?? null,
      place.location.lon,
      place.location.lat,
      source,
    ],
  );
}

export async function countPlaces(db: Queryable, kind: Place['kind']): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM places WHERE kind = $1', [kind]);
  return rows[0]!.n;
}

export async function listPlaces(db: Queryable, kind?: Place['kind']): Promise<Place[]> {
  const { rows } = await db.query<PlaceRow>(
    `SELECT id, kind, code, name, name_th, district, district_th, ST_X(location) AS lon, ST_Y(location) AS lat
       FROM places WHERE $1::text IS NULL OR kind = $1 ORDER BY kind, code`,
    [kind ?? null],
  );
  return rows.map(toPlace);
}

/** Places within `radiusM` metres of a point (geodesic), nearest first, with distance and bearing from the point. */
export async function placesWithin(db: Queryable, point: LonLat, radiusM: number): Promise<PlaceNearby[]> {
  const { rows } = await db.query<PlaceRow & { distance_m: number; bearing_deg: number }>(
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326) AS pt)
     SELECT id, kind, code, name, name_th, district, district_th, ST_X(location) AS lon, ST_Y(location) AS lat,
            ST_Distance(location::geography, p.pt::geography) AS distance_m,
            degrees(ST_Azimuth(p.pt::geography, location::geography)) AS bearing_deg
       FROM places, p
      WHERE ST_DWithin(location::geography, p.pt::geography, $3)
      ORDER BY distance_m`,
    [point.lon, point.lat, radiusM],
  );
  return rows.map((row) => ({ ...toPlace(row), distanceM: row.distance_m, bearingDeg: row.bearing_deg ?? 0 }));
}
