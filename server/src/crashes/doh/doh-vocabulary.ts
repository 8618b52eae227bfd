// The Thai vocabularies of the DOH accident tables (cause, crash type, weather, road feature, vehicle) as stable codes with Thai and English labels.
import type { CodedValue } from '../crash-record';

export interface Label {
  th: string;
  en: string;
}

/** [Thai label as the DOH writes it, English label, other spellings seen in other years' files]. */
type Entry = readonly [th: string, en: string, ...otherSpellings: string[]];

export interface Vocabulary {
  /** Every code with its labels, 'unknown' included, for the API to show. */
  readonly labels: Readonly<Record<string, Label>>;
  readonly codeByText: ReadonlyMap<string, string>;
}

export const UNKNOWN_CODE = 'unknown';
const UNKNOWN_LABEL: Label = { th: 'ไม่ทราบ / ไม่ระบุ', en: 'Unknown' };
/** Texts that say "not known" are coded 'unknown' like text the vocabulary has never seen (the raw is kept either way). */
const UNKNOWN_TEXTS = ['ไม่ทราบ', 'ไม่ระบุ', 'ไม่ทราบสาเหตุ', 'ไม่มีข้อมูล', '-'];

/**
 * The form DOH texts (headers and values) are compared in: NFC, no whitespace, zero-width characters or BOM, lower
 * case; so 'ฝ่าฝืนสัญญาณไฟ / เครื่องหมายจราจร' = 'ฝ่าฝืนสัญญาณไฟ/เครื่องหมายจราจร' and 'รถคันที่ 1' = 'รถคันที่1'.
 */
export const compareKey = (text: string): string =>
  text
    .normalize('NFC')
    .replace(/[\s\u200B-\u200D\uFEFF]+/gu, '')
    .toLowerCase();

function vocabulary(entries: Record<string, Entry>): Vocabulary {
  const labels: Record<string, Label> = { [UNKNOWN_CODE]: UNKNOWN_LABEL };
  const codeByText = new Map(UNKNOWN_TEXTS.map((text) => [compareKey(text), UNKNOWN_CODE]));
  for (const [code, [th, en, ...otherSpellings]] of Object.entries(entries)) {
    labels[code] = { th, en };
    for (const text of [th, ...otherSpellings]) codeByText.set(compareKey(text), code);
  }
  return { labels, codeByText };
}

/** The code of a vocabulary text: null for empty text, code 'unknown' (raw kept) for text the vocabulary does not know. */
export function codeValue(vocab: Vocabulary, raw: string): CodedValue | null {
  const text = raw.normalize('NFC').trim();
  if (!text) return null;
  return { code: vocab.codeByText.get(compareKey(text)) ?? UNKNOWN_CODE, raw: text };
}

/** มูลเหตุสันนิษฐาน: the 17 values of the 2012 file, with the wordings of its "อื่นๆ" column and of later years. */
export const CAUSES = vocabulary({
  speeding: ['ขับรถเร็วเกินอัตรากำหนด', 'Speeding', 'ขับรถเร็วเกินอัตราที่กำหนด', 'ขับรถเร็วเกินกำหนด'],
  cut_in: [
    'คน/รถ/สัตว์ตัดหน้ากระชั้นชิด',
    'Person, vehicle or animal cutting in',
    'มีการตัดหน้าระยะกระชั้นชิด',
    'ตัดหน้ากระชั้นชิด',
  ],
  drunk: ['เมาสุรา', 'Drunk driving', 'เมาสุรา/แอลกอฮอล์'],
  asleep: ['หลับใน', 'Fell asleep at the wheel'],
  signal_violation: ['ฝ่าฝืนสัญญาณไฟ/เครื่องหมายจราจร', 'Ran a traffic signal or sign'],
  overtaking: ['แซงรถอย่างผิดกฎหมาย', 'Illegal overtaking'],
  vehicle_defect: ['อุปกรณ์ยานพาหนะบกพร่อง', 'Vehicle defect', 'อุปกรณ์รถบกพร่อง'],
  inexperience: [
    'ไม่คุ้นเคยเส้นทาง/ขับรถไม่ชำนาญ',
    'Unfamiliar route or inexperienced driver',
    'ขับรถไม่ชำนาญ/ไม่เป็น',
  ],
  no_turn_signal: ['ไม่ให้สัญญาณชะลอ/เลี้ยว', 'No signal before slowing or turning'],
  wrong_lane: ['ขับรถผิดช่องทาง', 'Driving in the wrong lane', 'ไม่ขับรถในช่องทางเดินรถซ้ายสุดในถนนที่มี 4 ช่องทาง'],
  obstruction: ['มีกองวัสดุ/สิ่งกีดขวาง', 'Material or obstruction on the road', 'มีสิ่งกีดขวางบนทางหลวง'],
  overloading: ['บรรทุกเกินอัตรา', 'Overloaded vehicle'],
  no_parking_signal: [
    'ไม่ให้สัญญาณเข้าจอด/ออกจากที่จอด',
    'No signal when parking or pulling out',
    'ไม่ให้สัญญาณเข้าจอด หรือออกจากที่จอด',
  ],
  stop_sign_violation: [
    'ฝ่าฝืนป้ายหยุดขณะออกจากทางร่วมทางแยก',
    'Ran a stop sign leaving a junction',
    'ฝ่าฝืนป้ายหยุดขณะออกจากทางร่วมแยก',
  ],
  failure_to_yield: ['ไม่ยอมให้รถที่มีสิทธิ์ไปก่อน', 'Failure to yield right of way'],
  wrong_way: ['ขับรถย้อนศร', 'Driving against traffic'],
  reckless: ['ความประมาท/เร่งรีบ (วิ่งตัดหน้า)', 'Reckless or rushing'],
  other: ['อื่นๆ', 'Other'],
});

/** ลักษณะการเกิดอุบัติเหตุ. */
export const CRASH_TYPES = vocabulary({
  rear_end: ['ชนท้าย', 'Rear-end collision'],
  same_direction: ['ชนท้ายและชนด้านข้าง (วิ่งมาในทิศทางเดียวกัน)', 'Rear-end or sideswipe, same direction'],
  rollover_straight: ['พลิกคว่ำ/ตกถนนในทางตรง', 'Rolled over or ran off the road on a straight'],
  rollover_curve: ['พลิกคว่ำ/ตกถนนในทางโค้ง', 'Rolled over or ran off the road on a curve'],
  obstacle_hit: ['ชนสิ่งกีดขวาง (บนผิวจราจร)', 'Hit an obstacle on the carriageway'],
  head_on: ['ชนในทิศทางตรงกันข้าม (ไม่ใช่การแซง)', 'Head-on collision (not overtaking)'],
  pedestrian: ['ชนคนเดินเท้า', 'Hit a pedestrian'],
  angle_intersection: ['ชนเป็นมุมบริเวณทางแยก', 'Angle collision at a junction'],
  side_impact: ['ชนด้านข้าง', 'Side impact'],
  turning_reversing: ['เลี้ยว/ถอยชน', 'Collision while turning or reversing'],
  other: ['อื่นๆ', 'Other'],
});

/** สภาพอากาศ. */
export const WEATHER = vocabulary({
  clear: ['แจ่มใส', 'Clear'],
  overcast: ['มืดครึ้ม', 'Overcast'],
  rain: ['ฝนตก', 'Rain'],
  fog_smoke_dust: ['มีหมอก/ควัน/ฝุ่น', 'Fog, smoke or dust'],
  natural_disaster: ['ภัยธรรมชาติ เช่น พายุ น้ำท่วม', 'Natural disaster (storm, flood)'],
  other: ['อื่นๆ', 'Other'],
});

/** บริเวณที่เกิดเหตุ/ลักษณะทาง: road geometry, with the slope where the DOH records it. */
export const ROAD_FEATURES = vocabulary({
  straight_flat: ['ทางตรง+ไม่มีความลาดชัน', 'Straight, level', 'ทางตรง+ที่ราบ', 'ทางตรง+ไม่มีความลาดชัน/ที่ราบ'],
  straight_slope: ['ทางตรง+ที่ลาดชัน', 'Straight, on a slope'],
  curve_flat: ['ทางโค้งกว้าง+ไม่มีความลาดชัน', 'Wide curve, level'],
  curve_slope: ['ทางโค้งกว้าง+ที่ลาดชัน', 'Wide curve, on a slope'],
  sharp_curve_flat: ['ทางโค้งหักศอก+ไม่มีความลาดชัน', 'Sharp curve, level'],
  sharp_curve_slope: ['ทางโค้งหักศอก+ที่ลาดชัน', 'Sharp curve, on a slope'],
  intersection_t: ['ทางสามแยก (T)', 'T-junction', 'ทางแยกรูปตัว T'],
  intersection_4way: ['ทางสี่แยก', 'Crossroads'],
  roundabout: ['วงเวียน', 'Roundabout'],
  access_public: ['ทางเชื่อมเข้าพื้นที่สาธารณะ/เชิงพาณิชย์', 'Access to a public or commercial area'],
  access_private: ['ทางเชื่อมเข้าพื้นที่ส่วนบุคคล', 'Access to private land'],
  motorcycle_lane: ['ทางรถจักรยานยนต์', 'Motorcycle lane'],
  pedestrian_crossing: ['ทางม้าลาย/คนเดินข้าม', 'Zebra or pedestrian crossing'],
  other: ['อื่นๆ', 'Other'],
});

/**
 * รถคันที่ 1 and the per-type count columns. 'pedestrian' is here so that รถคันที่ 1 = คนเดินเท้า is understood;
 * a crash counts pedestrians apart from vehicles.
 */
export const VEHICLE_TYPES = vocabulary({
  motorcycle: ['รถจักรยานยนต์', 'Motorcycle'],
  three_wheeler: ['รถสามล้อเครื่อง', 'Three-wheeler (tuk-tuk)', 'รถสามล้อ'],
  car: ['รถยนต์นั่งส่วนบุคคล/รถยนต์นั่งสาธารณะ', 'Car (private or taxi)', 'รถยนต์นั่งส่วนบุคคล'],
  van: ['รถตู้', 'Van'],
  pickup_passenger: ['รถปิคอัพโดยสาร', 'Passenger pickup'],
  bus: ['รถโดยสารมากกว่า 4 ล้อ', 'Bus', 'รถโดยสารขนาดใหญ่'],
  pickup: ['รถปิคอัพบรรทุก 4 ล้อ', 'Pickup truck (4 wheels)'],
  truck_6_wheels: ['รถบรรทุก 6 ล้อ', 'Truck, 6 wheels'],
  truck_10_wheels: ['รถบรรทุกมากกว่า 6 ล้อ ไม่เกิน 10 ล้อ', 'Truck, 7 to 10 wheels', 'รถบรรทุกไม่เกิน 10 ล้อ'],
  truck_trailer: ['รถบรรทุกมากกว่า 10 ล้อ (รถพ่วง)', 'Truck over 10 wheels (trailer)', 'รถบรรทุกมากกว่า 10 ล้อ'],
  e_taen: ['รถอีแต๋น', 'E-taen (farm vehicle)', 'รถอีแต๋น/เพื่อการเกษตร'],
  bicycle: ['รถจักรยาน', 'Bicycle'],
  other: ['อื่นๆ', 'Other vehicle', 'รถอื่นๆ'],
  pedestrian: ['คนเดินเท้า', 'Pedestrian'],
});

/** The label tables by vocabulary, for the API: `{ code: { th, en } }`. */
export const DOH_LABELS = {
  cause: CAUSES.labels,
  crashType: CRASH_TYPES.labels,
  weather: WEATHER.labels,
  roadFeature: ROAD_FEATURES.labels,
  vehicle: VEHICLE_TYPES.labels,
} as const;
