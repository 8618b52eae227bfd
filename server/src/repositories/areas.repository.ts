// Administrative areas in PostGIS: loaded from the boundary files, listed for the filters.
import type { Queryable } from '../db/pool';
import type { AreaSummary } from '../schemas';

export interface AreaRow {
  code: string;
  level: 'country' | 'province' | 'district' | 'subdistrict';
  nameTh: string;
  nameEn: string;
  parent: string | null;
  /** GeoJSON Polygon or MultiPolygon. */
  geometry: unknown;
}

export async function upsertAreas(db: Queryable, areas: AreaRow[]): Promise<void> {
  await db.query(
    `INSERT INTO areas (code, level, name_th, name_en, parent, geom)
     SELECT a.code, a.level, a.name_th, a.name_en, a.parent,
            ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(a.geometry), 4326)), 3))
     FROM jsonb_to_recordset($1::jsonb) AS a (code text, level text, name_th text, name_en text, parent text,
       geometry jsonb)
     ON CONFLICT (code) DO UPDATE SET level = excluded.level, name_th = excluded.name_th, name_en = excluded.name_en,
       parent = excluded.parent, geom = excluded.geom`,
    [
      JSON.stringify(
        areas.map((a) => ({
          code: a.code,
          level: a.level,
          name_th: a.nameTh,
          name_en: a.nameEn,
          parent: a.parent,
          geometry: a.geometry,
        })),
      ),
    ],
  );
}

/**
 * The country as the union of its provinces, simplified to about 1 km (done once, after loading): the national study
 * region for hot spots, whose hexagons are kilometres across; the full outline would make every test against it slow.
 */
export async function upsertCountry(db: Queryable): Promise<void> {
  await db.query(
    `INSERT INTO areas (code, level, name_th, name_en, parent, geom)
     SELECT 'TH', 'country', 'ประเทศไทย', 'Thailand', NULL,
            ST_Multi(ST_SimplifyPreserveTopology(ST_Union(geom), 0.01))
     FROM areas WHERE level = 'province'
     HAVING count(*) > 0
     ON CONFLICT (code) DO UPDATE SET geom = excluded.geom`,
  );
}

export async function countAreas(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  return rows[0]!.n;
}

export async function areaExists(db: Queryable, code: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM areas WHERE code = $1', [code]);
  return (rowCount ?? 0) > 0;
}

/** Provinces (no parent), or the areas directly inside `parent`, by Thai name; each with its bounding box. */
export async function listAreas(db: Queryable, parent: string | null): Promise<AreaSummary[]> {
  const { rows } = await db.query<AreaSummary>(
    `SELECT code, level, name_th AS "nameTh", name_en AS "nameEn", parent,
            ARRAY[ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)]::float8[] AS bbox
       FROM areas
      WHERE ($1::text IS NULL AND level = 'province') OR parent = $1
      ORDER BY name_th`,
    [parent],
  );
  return rows;
}
