// Times for the hand-over letter: the Bangkok wall clock in Thai (Buddhist-Era year), and ISO 8601 at +07:00 beside it.
import { BANGKOK_OFFSET_MS, bangkokIso } from './bangkok-clock';

const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;

/** Buddhist-Era years run 543 ahead of Gregorian ones. */
const BE_OFFSET = 543;

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** e.g. "5 ธันวาคม 2569" (the full month name, as Thai official letters write it). */
export function thaiDate(value: string | Date): string {
  const date = toDate(value);
  if (!date) return String(value);
  // Shifted by the fixed offset, the UTC fields read the Bangkok calendar.
  const local = new Date(date.getTime() + BANGKOK_OFFSET_MS);
  return `${local.getUTCDate()} ${THAI_MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear() + BE_OFFSET}`;
}

/** e.g. "5 ธันวาคม 2569 17:30:00 น."; an unparseable value is returned as it is. */
export function thaiDateTime(value: string | Date): string {
  const date = toDate(value);
  return date ? `${thaiDate(date)} ${bangkokIso(date).slice(11, 19)} น.` : String(value);
}

/** e.g. "2026-12-05T17:30:00+07:00": the manifest's UTC instant read on the Bangkok clock; unparseable as it is. */
export function bangkokIsoText(value: string | Date): string {
  const date = toDate(value);
  return date ? bangkokIso(date) : String(value);
}

/** Length of a span, e.g. { th: '1 ชม. 5 นาที 3 วินาที', en: '1 h 5 min 3 s' }; null when a bound is unparseable. */
export function spanLength(from: string, to: string): { th: string; en: string } | null {
  const a = toDate(from);
  const b = toDate(to);
  if (!a || !b) return null;
  const total = Math.max(0, Math.round((b.getTime() - a.getTime()) / 1000));
  const parts = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const pick = (units: readonly string[]) =>
    parts
      .map((n, i) => (n > 0 ? `${n} ${units[i]}` : ''))
      .filter(Boolean)
      .join(' ') || `0 ${units[2]}`;
  return { th: pick(['ชม.', 'นาที', 'วินาที']), en: pick(['h', 'min', 's']) };
}
