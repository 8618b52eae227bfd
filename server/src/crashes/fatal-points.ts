// Reads the national fatal-crash points (Ministry of Transport, 2021–2025: deaths `d`, year `y`, cause code `c` per
// point) into crash records. The points carry no id: a point's key is its content and its place among identical
// points, so re-importing the same file (or a later one that appends) changes nothing already stored.
import { createHash } from 'node:crypto';
import { CrashImportError, type CodedValue, type CrashRecord, type RowRejection } from './crash-record';
import { CAUSES, codeValue, UNKNOWN_CODE } from './doh/doh-vocabulary';
import { insideThailand } from './thailand-bounds';

/** The file's cause codes in Thai, as its summary file decodes them: read through the crash store's cause vocabulary. */
const CAUSE_TEXT: Record<number, string> = {
  0: 'ขับรถเร็วเกินกำหนด',
  1: 'ตัดหน้ากระชั้นชิด',
  2: 'หลับใน',
  3: 'เมาสุรา/แอลกอฮอล์',
  4: 'ฝ่าฝืนสัญญาณไฟ/เครื่องหมายจราจร',
  5: 'ขับรถย้อนศร',
  6: 'ความประมาท/เร่งรีบ (วิ่งตัดหน้า)',
  7: 'แซงรถอย่างผิดกฎหมาย',
  8: 'อุปกรณ์รถบกพร่อง',
  9: 'ไม่คุ้นเคยเส้นทาง/ขับรถไม่ชำนาญ',
  10: 'อื่น ๆ',
  11: 'ไม่ระบุ',
};

interface PointFeature {
  type?: string;
  properties?: { d?: unknown; y?: unknown; c?: unknown } | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function cause(value: unknown): CodedValue | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'number' ? CAUSE_TEXT[value] : undefined;
  return text ? codeValue(CAUSES, text) : { code: UNKNOWN_CODE, raw: String(value) };
}

/** One feature as a crash, or why not (`number` is its 1-based place in the file, reported as its line). */
function readFeature(feature: PointFeature, number: number): CrashRecord | RowRejection {
  const reject = (reason: string, reasonTh: string): RowRejection => ({
    line: number,
    reason: `feature ${number}: ${reason}`,
    reasonTh: `จุดที่ ${number}: ${reasonTh}`,
  });
  const coordinates = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : null;
  if (!Array.isArray(coordinates) || coordinates.length < 2 || !coordinates.every((c) => Number.isFinite(c)))
    return reject('not a point with numeric coordinates', 'ไม่ใช่จุดที่มีพิกัดเป็นตัวเลข');
  const [lon, lat] = coordinates as [number, number];
  if (!insideThailand(lon, lat))
    return reject(`coordinates ${lat}, ${lon} are outside Thailand`, `พิกัด ${lat}, ${lon} อยู่นอกประเทศไทย`);
  const { d: deaths, y: year } = feature.properties ?? {};
  if (!isCount(deaths)) return reject('deaths (d) is not a whole number', 'จำนวนผู้เสียชีวิต (d) ไม่ใช่จำนวนเต็ม');
  if (!Number.isInteger(year) || (year as number) < 1950 || (year as number) > 2100)
    return reject('year (y) is not a Gregorian year', 'ปี (y) ไม่ใช่ปีคริสต์ศักราช');
  return {
    source: 'fatal_points',
    sourceKey: '',
    occurredAt: null,
    year: year as number,
    lon,
    lat,
    province: null,
    roadCode: null,
    roadName: null,
    km: null,
    agency: null,
    cause: cause(feature.properties?.c),
    crashType: null,
    weather: null,
    roadFeature: null,
    vehicles: [],
    pedestrians: 0,
    deaths,
    seriousInjuries: 0,
    minorInjuries: 0,
    notes: [],
  };
}

/** Every point of the file as a crash or a rejection, in file order. */
export function readFatalPoints(text: string): (CrashRecord | RowRejection)[] {
  let collection: { type?: string; features?: unknown };
  try {
    collection = JSON.parse(text) as typeof collection;
  } catch (error) {
    throw new CrashImportError(`The file is not JSON: ${(error as Error).message}`, 'ไฟล์ไม่ใช่ JSON ที่อ่านได้');
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features))
    throw new CrashImportError(
      'The file is not a GeoJSON FeatureCollection',
      'ไฟล์ไม่ใช่ GeoJSON FeatureCollection',
    );
  const seen = new Map<string, number>();
  return (collection.features as PointFeature[]).map((feature, index) => {
    const read = readFeature(feature ?? {}, index + 1);
    if ('reason' in read) return read;
    const content = [read.year, read.lon, read.lat, read.deaths, feature.properties?.c ?? ''].join('|');
    const nth = (seen.get(content) ?? 0) + 1;
    seen.set(content, nth);
    const sourceKey = createHash('sha256').update(`${content}#${nth}`).digest('hex').slice(0, 32);
    return { ...read, sourceKey };
  });
}
