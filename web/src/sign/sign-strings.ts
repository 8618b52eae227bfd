// Every word the public stop sign shows, in Thai and in English (the sign alternates between the two).

export type SignLanguage = 'th' | 'en';
export const SIGN_LANGUAGES: readonly SignLanguage[] = ['th', 'en'];

const STRINGS = {
  busStop: { th: 'ป้ายรถเมล์', en: 'Bus stop' },
  route: { th: 'สาย', en: 'Route' },
  destination: { th: 'ปลายทาง', en: 'Destination' },
  arrives: { th: 'มาถึงใน', en: 'Arrives in' },
  now: { th: 'ถึงแล้ว', en: 'Now' },
  due: { th: 'กำลังเข้าป้าย', en: 'Due' },
  minutes: { th: '{n} นาที', en: '{n} min' },
  scheduled: { th: 'ตามตาราง', en: 'timetable' },
  none: { th: 'ยังไม่มีรถเมล์ในเร็ว ๆ นี้', en: 'No buses expected soon' },
  footnote: {
    th: 'เวลาโดยประมาณจากตำแหน่งรถ · "ตามตาราง" = ยังไม่มีรถที่ติดตามได้',
    en: 'Estimated from live bus positions · "timetable" = no live bus yet',
  },
  connecting: { th: 'กำลังเชื่อมต่อ…', en: 'Connecting…' },
  offline: { th: 'ขาดการเชื่อมต่อ · อัปเดตล่าสุด {time}', en: 'Offline · last updated {time}' },
  offlineNever: { th: 'ขาดการเชื่อมต่อ · ยังไม่ได้รับข้อมูล', en: 'Offline · no data received yet' },
  unknownStop: { th: 'ไม่พบป้ายรถเมล์นี้', en: 'Unknown bus stop' },
  unknownHint: { th: 'กรุณาตรวจสอบรหัสป้าย', en: 'Please check the stop number' },
} as const satisfies Record<string, Record<SignLanguage, string>>;

export type SignStringKey = keyof typeof STRINGS;

/** A sign string in one language, with `{name}` placeholders filled. */
export function signText(key: SignStringKey, language: SignLanguage, values: Record<string, string | number> = {}): string {
  return STRINGS[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
