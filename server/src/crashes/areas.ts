// Loads the administrative areas (provinces, districts, sub-districts) from ../shared/data/boundaries into PostGIS:
// the areas the planners filter crashes by.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../db/pool';
import { countAreas, upsertAreas, upsertCountry, type AreaRow } from '../repositories/areas.repository';

type Properties = Record<string, string | null | undefined>;
interface AreaFeature {
  properties: Properties;
  geometry: { type: string; coordinates: unknown };
}

/** A district of the OCHA boundary files (national or the province's detailed ones). */
const district = (p: Properties): Omit<AreaRow, 'geometry'> => ({
  code: p.ADM2_PCODE!,
  level: 'district',
  nameTh: p.ADM2_TH!,
  nameEn: p.ADM2_EN!,
  parent: p.ADM1_PCODE!,
});

/** Each file with how its features read as areas; later files replace earlier outlines of the same code. */
const AREA_FILES: { file: string; read: (p: Properties) => Omit<AreaRow, 'geometry'> }[] = [
  {
    file: 'th_provinces_chingchai.geojson',
    read: (p) => ({
      code: `TH${p.pro_code}`,
      level: 'province',
      nameTh: p.pro_th!,
      nameEn: p.pro_en!,
      parent: null,
    }),
  },
  {
    file: 'th_amphoe_ocha_simplified_L1.geojson',
    read: district,
  },
  {
    file: 'chachoengsao_amphoe_ocha_L2.geojson',
    read: district,
  },
  {
    file: 'chachoengsao_tambon_ocha_L2.geojson',
    read: (p) => ({
      code: p.ADM3_PCODE!,
      level: 'subdistrict',
      nameTh: p.ADM3_TH!,
      nameEn: p.ADM3_EN!,
      parent: p.ADM2_PCODE!,
    }),
  },
];

/** Loads every area file in order; returns the number of areas stored. */
export async function loadAreas(db: Queryable, sharedDir: string): Promise<number> {
  for (const { file, read } of AREA_FILES) {
    const text = await readFile(path.join(sharedDir, 'data', 'boundaries', file), 'utf8');
    const features = (JSON.parse(text) as { features: AreaFeature[] }).features;
    await upsertAreas(
      db,
      features.map((feature) => ({ ...read(feature.properties), geometry: feature.geometry })),
    );
  }
  await upsertCountry(db);
  return countAreas(db);
}

/** Loads the areas when none are loaded yet. */
export async function ensureAreas(db: Queryable, sharedDir: string): Promise<number> {
  const loaded = await countAreas(db);
  return loaded > 0 ? loaded : loadAreas(db, sharedDir);
}
