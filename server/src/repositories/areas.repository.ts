// Administrative areas in PostGIS: loaded from the boundary files, listed for the filters.
import type { Queryable } from '../db/pool';

export interface AreaRow {
  code: string;
  level: 'province' | 'district' | 'subdistrict';
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

export async function countAreas(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM areas');
  return rows[0]!.n;
}

export async function areaExists(db: Queryable, code: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM areas WHERE code = $1', [code]);
  return (rowCount ?? 0) > 0;
}
