// Turns one row of a DOH accident table into a CrashRecord, or says in English and Thai why it cannot.
import { createHash } from 'node:crypto';
import type { CrashRecord, RowRejection, VehicleCount } from '../crash-record';
import { insideThailand } from '../thailand-bounds';
import { COUNTED_VEHICLES, DOH_COLUMNS, type DohColumns, type DohField } from './doh-columns';
import { isRejection, parseDohWhen, type Rejection } from './doh-dates';
import {
  CAUSES,
  CRASH_TYPES,
  ROAD_FEATURES,
  UNKNOWN_CODE,
  VEHICLE_TYPES,
  WEATHER,
  codeValue,
} from './doh-vocabulary';

class RowRejected extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.reason);
  }
}

const fail = (reason: string, reasonTh: string): never => {
  throw new RowRejected({ reason, reasonTh });
};

/** The trimmed NFC text of a field's cell; '' when the file has no such column or the row is short. */
type Cell = (field: DohField) => string;

const cellReader =
  (record: string[], columns: DohColumns): Cell =>
  (field) => {
    const index = columns[field];
    return index === undefined ? '' : (record[index] ?? '').normalize('NFC').trim();
  };

/** The column's Thai header, for Thai reasons. */
const thaiName = (field: DohField): string => DOH_COLUMNS[field].names[0];

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

function coordinate(cell: Cell, field: 'latitude' | 'longitude'): number {
  const text = cell(field);
  if (!text) fail(`${field} is missing`, `ไม่มีค่า ${thaiName(field)}`);
  if (!DECIMAL.test(text))
    fail(`${field} "${text}" is not a number`, `${thaiName(field)} "${text}" ไม่ใช่ตัวเลข`);
  return Number(text);
}

function position(cell: Cell): { lat: number; lon: number; notes: string[] } {
  const lat = coordinate(cell, 'latitude');
  const lon = coordinate(cell, 'longitude');
  if (insideThailand(lon, lat)) return { lat, lon, notes: [] };
  // Thailand's latitude and longitude ranges do not overlap, so a pair that fits once swapped was swapped.
  if (insideThailand(lat, lon)) {
    return {
      lat: lon,
      lon: lat,
      notes: [`latitude and longitude were swapped (${lat}, ${lon}); swapped back`],
    };
  }
  return fail(
    `coordinates latitude ${lat}, longitude ${lon} are outside Thailand, even swapped`,
    `พิกัด ละติจูด ${lat} ลองจิจูด ${lon} อยู่นอกประเทศไทย แม้สลับกันแล้ว`,
  );
}

/** A head or vehicle count: empty is 0; "2.0" is 2; anything else must be a whole number ≥ 0. */
function count(cell: Cell, field: DohField): number {
  const text = cell(field);
  if (!text) return 0;
  if (!/^\d+(\.0*)?$/.test(text)) {
    fail(
      `${field} "${text}" is not a whole number of 0 or more`,
      `${thaiName(field)} "${text}" ไม่ใช่จำนวนเต็มตั้งแต่ 0 ขึ้นไป`,
    );
  }
  return Number(text);
}

/** The kilometre post: a number ("193.747", ".4") or the k+m form of road signs ("193+747"); otherwise left empty with a note. */
function kilometre(cell: Cell, notes: string[]): number | null {
  const text = cell('km');
  if (!text) return null;
  if (DECIMAL.test(text)) return Number(text);
  const post = /^(\d+)\+(\d{3})$/.exec(text);
  if (post) return Number(post[1]) + Number(post[2]) / 1000;
  notes.push(`km "${text}" is not a number; left empty`);
  return null;
}

/**
 * The count columns, with vehicle 1's type counted at least once. The DOH files some types (buses, bicycles, farm
 * vehicles) under อื่นๆ, so vehicle 1's missing count is taken from 'other' when 'other' has one.
 */
function vehicleCounts(cell: Cell, vehicle1: string | null): VehicleCount[] {
  const counts = new Map<string, number>(
    COUNTED_VEHICLES.map((code) => [code, count(cell, `vehicles.${code}`)]),
  );
  if (vehicle1 && vehicle1 !== UNKNOWN_CODE && vehicle1 !== 'pedestrian' && !counts.get(vehicle1)) {
    const others = counts.get('other') ?? 0;
    if (vehicle1 !== 'other' && others > 0) counts.set('other', others - 1);
    counts.set(vehicle1, 1);
  }
  return [...counts].filter(([, n]) => n > 0).map(([code, n]) => ({ code, count: n }));
}

const optionalText = (cell: Cell, field: DohField): string | null => cell(field) || null;

/** ACC_CODE when the row has one; else a hash of what identifies the crash, taken after normalising (so BE or Gregorian, swapped or not, give one key). */
function sourceKey(
  cell: Cell,
  crash: Pick<CrashRecord, 'occurredAt' | 'lat' | 'lon' | 'roadCode' | 'km'>,
): string {
  const accCode = cell('accCode');
  if (accCode) return accCode;
  const identity = [crash.occurredAt, crash.lat, crash.lon, crash.roadCode ?? '', crash.km ?? ''].join('|');
  return `sha256:${createHash('sha256').update(identity).digest('hex')}`;
}

function buildCrash(cell: Cell): CrashRecord {
  const when = parseDohWhen(cell('date'), cell('time'), cell('year'));
  if (isRejection(when)) return fail(when.reason, when.reasonTh);
  const where = position(cell);
  const notes = [...when.notes, ...where.notes];
  const km = kilometre(cell, notes);
  const roadCode = optionalText(cell, 'roadCode');

  const vehicle1 = codeValue(VEHICLE_TYPES, cell('vehicle1'));
  if (vehicle1?.code === UNKNOWN_CODE)
    notes.push(`vehicle 1 type "${vehicle1.raw}" is not in the vocabulary`);
  const pedestrians = count(cell, 'pedestrians');

  const located = { occurredAt: when.occurredAt, lat: where.lat, lon: where.lon, roadCode, km };
  return {
    source: 'doh_csv',
    sourceKey: sourceKey(cell, located),
    ...located,
    year: when.year,
    province: optionalText(cell, 'province'),
    roadName: optionalText(cell, 'roadName'),
    agency: optionalText(cell, 'agency'),
    cause: codeValue(CAUSES, cell('cause')),
    crashType: codeValue(CRASH_TYPES, cell('crashType')),
    weather: codeValue(WEATHER, cell('weather')),
    roadFeature: codeValue(ROAD_FEATURES, cell('roadFeature')),
    vehicles: vehicleCounts(cell, vehicle1?.code ?? null),
    // A crash whose vehicle 1 is a pedestrian involved at least one.
    pedestrians: vehicle1?.code === 'pedestrian' ? Math.max(pedestrians, 1) : pedestrians,
    deaths: count(cell, 'deaths'),
    seriousInjuries: count(cell, 'seriousInjuries'),
    minorInjuries: count(cell, 'minorInjuries'),
    notes,
  };
}

/** One data row (its 1-based line in the file, the header being line 1) as a crash, or its rejection. */
export function parseDohRow(
  record: string[],
  columns: DohColumns,
  line: number,
): { crash: CrashRecord } | { rejection: RowRejection } {
  try {
    return { crash: buildCrash(cellReader(record, columns)) };
  } catch (error) {
    if (error instanceof RowRejected) return { rejection: { line, ...error.rejection } };
    throw error;
  }
}
