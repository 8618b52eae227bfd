// The DOH accident table's columns: each field with the header names it has had over the years, and the header mapper.
import { CrashImportError } from '../crash-record';
import { compareKey } from './doh-vocabulary';

/** The vehicle types the DOH counts in a column each (codes of VEHICLE_TYPES). */
export const COUNTED_VEHICLES = [
  'motorcycle',
  'three_wheeler',
  'car',
  'van',
  'pickup_passenger',
  'bus',
  'pickup',
  'truck_6_wheels',
  'truck_10_wheels',
  'truck_trailer',
  'e_taen',
  'other',
] as const;
export type CountedVehicle = (typeof COUNTED_VEHICLES)[number];
export type VehicleCountField = `vehicles.${CountedVehicle}`;

export type DohField =
  | 'year'
  | 'date'
  | 'time'
  | 'accCode'
  | 'agency'
  | 'roadCode'
  | 'roadName'
  | 'km'
  | 'province'
  | 'vehicle1'
  | 'roadFeature'
  | 'cause'
  | 'crashType'
  | 'weather'
  | 'latitude'
  | 'longitude'
  | VehicleCountField
  | 'pedestrians'
  | 'deaths'
  | 'seriousInjuries'
  | 'minorInjuries';

interface ColumnSpec {
  /** The 2012 header first (it names the column in messages), then the other names later files use. */
  names: readonly [string, ...string[]];
  required?: true;
}

/**
 * Headers match by their compare key only, never by substring: the 2012 file also has บริเวณที่เกิดเหตุอื่น,
 * มูลเหตุสันนิษฐานอื่นๆ, กม.รถไฟ and จังหวัดที่จดทะเบียน, which are other columns.
 * Personal columns (ทะเบียนรถ, อายุ, เพศ, ยี่ห้อรถ …) are deliberately absent: they are never read.
 */
export const DOH_COLUMNS: Readonly<Record<DohField, ColumnSpec>> = {
  year: { names: ['ปีที่เกิดเหตุ', 'ปี', 'year'] },
  date: { names: ['วันที่เกิดเหตุ', 'วันเกิดเหตุ', 'date'], required: true },
  time: { names: ['เวลา', 'เวลาที่เกิดเหตุ', 'time'] },
  accCode: { names: ['ACC_CODE', 'รหัสอุบัติเหตุ'] },
  agency: { names: ['หน่วยงาน'] },
  roadCode: { names: ['รหัสสายทาง'] },
  roadName: { names: ['สายทาง'] },
  km: { names: ['ก.ม.', 'KM', 'กม.', 'กม', 'กิโลเมตร'] },
  province: { names: ['จังหวัด'] },
  vehicle1: { names: ['รถคันที่ 1'] },
  roadFeature: { names: ['บริเวณที่เกิดเหตุ/ลักษณะทาง', 'บริเวณที่เกิดเหตุ', 'ลักษณะทาง'] },
  cause: { names: ['มูลเหตุสันนิษฐาน'] },
  crashType: { names: ['ลักษณะการเกิดอุบัติเหตุ', 'ลักษณะการเกิดเหตุ'] },
  weather: { names: ['สภาพอากาศ'] },
  latitude: { names: ['LATITUDE', 'ละติจูด', 'lat'], required: true },
  longitude: { names: ['LONGITUDE', 'ลองจิจูด', 'lon', 'lng', 'long'], required: true },
  'vehicles.motorcycle': { names: ['รถจักรยานยนต์'] },
  'vehicles.three_wheeler': { names: ['รถสามล้อเครื่อง'] },
  'vehicles.car': { names: ['รถยนต์นั่งส่วนบุคคล/รถยนต์นั่งสาธารณะ', 'รถยนต์นั่งส่วนบุคคล'] },
  'vehicles.van': { names: ['รถตู้'] },
  'vehicles.pickup_passenger': { names: ['รถปิคอัพโดยสาร'] },
  'vehicles.bus': { names: ['รถโดยสารมากกว่า 4 ล้อ'] },
  'vehicles.pickup': { names: ['รถปิคอัพบรรทุก 4 ล้อ'] },
  'vehicles.truck_6_wheels': { names: ['รถบรรทุก 6 ล้อ'] },
  'vehicles.truck_10_wheels': { names: ['รถบรรทุกมากกว่า 6 ล้อ ไม่เกิน 10 ล้อ', 'รถบรรทุกไม่เกิน 10 ล้อ'] },
  'vehicles.truck_trailer': { names: ['รถบรรทุกมากกว่า 10 ล้อ (รถพ่วง)', 'รถบรรทุกมากกว่า 10 ล้อ'] },
  'vehicles.e_taen': { names: ['รถอีแต๋น'] },
  'vehicles.other': { names: ['อื่นๆ', 'รถอื่นๆ'] },
  pedestrians: { names: ['คนเดินเท้า'] },
  deaths: { names: ['จำนวนผู้เสียชีวิต', 'ผู้เสียชีวิต'], required: true },
  seriousInjuries: { names: ['จำนวนผู้บาดเจ็บสาหัส', 'ผู้บาดเจ็บสาหัส'] },
  minorInjuries: { names: ['จำนวนผู้บาดเจ็บเล็กน้อย', 'ผู้บาดเจ็บเล็กน้อย'] },
};

/** Each field's column index in the file; optional fields the file lacks are absent. */
export type DohColumns = Partial<Record<DohField, number>>;

const FIELDS = Object.keys(DOH_COLUMNS) as DohField[];

/** Maps a header row to column indexes by name, whatever the order; throws CrashImportError naming every missing required column. */
export function mapDohHeader(headers: string[]): DohColumns {
  const indexByKey = new Map<string, number>();
  // A repeated header keeps its first column.
  headers.forEach((header, index) => {
    const key = compareKey(header);
    if (key && !indexByKey.has(key)) indexByKey.set(key, index);
  });
  const columns: DohColumns = {};
  const missing: DohField[] = [];
  for (const field of FIELDS) {
    const spec = DOH_COLUMNS[field];
    const index = spec.names.map((name) => indexByKey.get(compareKey(name))).find((i) => i !== undefined);
    if (index !== undefined) columns[field] = index;
    else if (spec.required) missing.push(field);
  }
  if (missing.length > 0) {
    const list = missing.map((field) => `${DOH_COLUMNS[field].names[0]} (${field})`).join(', ');
    throw new CrashImportError(`Missing columns: ${list}`, `ไม่พบคอลัมน์: ${list}`);
  }
  return columns;
}
