// Places for elephant warnings: sub-districts seeded from the boundaries, villages imported from CSV or GeoJSON.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { countPlaces, upsertSubdistrict, upsertVillage } from '../repositories/places.repository';
import { insertAudit } from '../repositories/audit.repository';
import { HttpError } from '../lib/http-error';
import type { ImportReport, PlaceInput, RowError, User } from '../schemas';

const SUBDISTRICTS_FILE = 'boundaries/chachoengsao_tambon_ocha_L2.geojson';

interface TambonFeature {
  properties: { ADM3_EN: string; ADM3_TH: string; ADM3_PCODE: string; ADM2_EN: string; ADM2_TH: string };
  geometry: unknown;
}

/** Loads the sub-district centroids once; later starts find them already there. */
export async function seedSubdistrictPlaces(db: Pool, sharedDir: string): Promise<number> {
  if ((await countPlaces(db, 'subdistrict')) > 0) return 0;
  const collection = JSON.parse(await readFile(path.join(sharedDir, 'data', SUBDISTRICTS_FILE), 'utf8')) as {
    features: TambonFeature[];
  };
  await withTransaction(db, async (tx) => {
    for (const feature of collection.features) {
      const p = feature.properties;
      await upsertSubdistrict(tx, {
        code: p.ADM3_PCODE,
        name: p.ADM3_EN,
        nameTh: p.ADM3_TH,
        district: p.ADM2_EN,
        districtTh: p.ADM2_TH,
        geometry: feature.geometry,
      });
    }
  });
  return collection.features.length;
}

type VillageRow = PlaceInput & { code: string };
type RowResult = { ok: true; place: VillageRow } | { ok: false; reason: string; reasonTh: string };

const CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
/** As PlaceInput allows. */
const MAX_NAME = 200;

/** A number, or the text of one (CSV); an empty cell is no 0. */
const coordinate = (value: unknown): number =>
  typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;

function checkVillage(fields: Record<string, unknown>): RowResult {
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string).trim() : '');
  const lon = coordinate(fields.lon);
  const lat = coordinate(fields.lat);
  const code = text('code');
  if (!CODE_PATTERN.test(code)) return { ok: false, reason: 'code is missing or has characters other than A-Z, 0-9, . _ -', reasonTh: 'รหัสไม่มีหรือมีอักขระที่ไม่อนุญาต' };
  if (!text('name') || !text('name_th')) return { ok: false, reason: 'name and name_th are required', reasonTh: 'ต้องมีชื่อภาษาอังกฤษและภาษาไทย' };
  if (['name', 'name_th', 'district', 'district_th'].some((key) => text(key).length > MAX_NAME)) {
    return { ok: false, reason: `names are limited to ${MAX_NAME} characters`, reasonTh: `ชื่อยาวได้ไม่เกิน ${MAX_NAME} ตัวอักษร` };
  }
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90 || (lon === 0 && lat === 0)) {
    return { ok: false, reason: 'lon/lat must be valid WGS84 degrees', reasonTh: 'พิกัด lon/lat ไม่ถูกต้อง' };
  }
  return {
    ok: true,
    place: {
      code: `village:${code}`,
      name: text('name'),
      nameTh: text('name_th'),
      district: text('district') || null,
      districtTh: text('district_th') || null,
      location: { lon, lat },
    },
  };
}

/** CSV with a header row: code,name,name_th,lon,lat[,district,district_th]. Line numbers count the header as 1. */
export function parseVillageCsv(body: string): { rows: { line: number; result: RowResult }[]; fatal: string | null } {
  try {
    const records = parse(body, { columns: true, bom: true, skip_empty_lines: true, trim: true, info: true, relax_column_count: true }) as {
      record: Record<string, string>;
      info: { lines: number };
    }[];
    return { rows: records.map(({ record, info }) => ({ line: info.lines, result: checkVillage(record) })), fatal: null };
  } catch (error) {
    return { rows: [], fatal: (error as Error).message };
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NOT_A_FEATURE: RowResult = {
  ok: false,
  reason: 'not a GeoJSON Feature with a Point geometry and properties',
  reasonTh: 'ไม่ใช่ GeoJSON Feature ที่มีจุด (Point) และ properties',
};

/** One feature of the upload, whatever the sender put there (null, a number, a feature without geometry…). */
function checkFeature(feature: unknown): RowResult {
  if (!isObject(feature) || !isObject(feature.geometry) || feature.geometry.type !== 'Point') return NOT_A_FEATURE;
  const { coordinates } = feature.geometry;
  // GeoJSON positions are numbers: "13.7" or [13.7] is not one.
  const position = Array.isArray(coordinates) && typeof coordinates[0] === 'number' && typeof coordinates[1] === 'number';
  if (!position || (feature.properties != null && !isObject(feature.properties))) return NOT_A_FEATURE;
  return checkVillage({ ...(feature.properties as Record<string, unknown> | undefined), lon: coordinates[0], lat: coordinates[1] });
}

/** GeoJSON FeatureCollection of Points; the "line" is the feature's position, starting at 1. */
export function parseVillageGeoJson(body: unknown): { rows: { line: number; result: RowResult }[]; fatal: string | null } {
  const features = isObject(body) ? body.features : undefined;
  if (!Array.isArray(features)) return { rows: [], fatal: 'expected a GeoJSON FeatureCollection' };
  return { rows: features.map((feature: unknown, i) => ({ line: i + 1, result: checkFeature(feature) })), fatal: null };
}

function noUsableRows(rejected: RowError[]): HttpError {
  const first = rejected.slice(0, 5);
  const more = rejected.length > first.length ? ` (+${rejected.length - first.length})` : '';
  return new HttpError(
    400,
    `No row of the file can be imported: ${first.map((r) => `line ${r.line}: ${r.reason}`).join('; ')}${more}`,
    `ไม่มีแถวใดในไฟล์ที่นำเข้าได้: ${first.map((r) => `บรรทัด ${r.line}: ${r.reasonTh}`).join('; ')}${more}`,
  );
}

/** Imports the good rows in one transaction and reports every rejected one with its line. */
export async function importVillages(
  ctx: { db: Pool; user: User; ip: string | null },
  parsed: { rows: { line: number; result: RowResult }[] },
  source: string,
): Promise<ImportReport> {
  const rejected: RowError[] = [];
  const seen = new Set<string>();
  const good: VillageRow[] = [];
  for (const { line, result } of parsed.rows) {
    if (!result.ok) rejected.push({ line, reason: result.reason, reasonTh: result.reasonTh });
    else if (seen.has(result.place.code)) rejected.push({ line, reason: 'duplicate code in this file', reasonTh: 'รหัสซ้ำในไฟล์นี้' });
    else {
      seen.add(result.place.code);
      good.push(result.place);
    }
  }
  // A file none of whose rows can be used is a bad upload, not a successful import of nothing.
  if (good.length === 0) throw noUsableRows(rejected);
  await withTransaction(ctx.db, async (tx) => {
    for (const place of good) await upsertVillage(tx, place, source);
    await insertAudit(tx, {
      userId: ctx.user.id,
      username: ctx.user.username,
      action: 'places.import',
      target: 'places:village',
      detail: { imported: good.length, rejected: rejected.length, source },
      ip: ctx.ip,
    });
  });
  return { imported: good.length, rejected };
}
