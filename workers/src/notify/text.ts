// Bilingual message text for chat channels: Thai block first, then English, times in Bangkok local time.
import type { Notification } from './notification';

/** LINE's limit for one text message. */
export const LINE_TEXT_MAX = 5000;

const SEVERITY_TH: Record<string, string> = {
  info: 'ข้อมูล',
  low: 'ต่ำ',
  medium: 'ปานกลาง',
  high: 'สูง',
  critical: 'วิกฤต',
};

/** Day, short month, year and time to the minute in Bangkok, for one locale. */
const bangkokMinutes = (locale: string) =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

const thaiTime = bangkokMinutes('th-TH-u-ca-buddhist');
const englishTime = bangkokMinutes('en-GB');

// Cutting by grapheme keeps Thai vowel and tone marks with their consonant.
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

function parseTime(at: string): Date | null {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** e.g. "22 พ.ย. 2569 10:05 น." (Buddhist era); the raw string when it is not a valid date. */
export function formatThaiTime(at: string): string {
  const date = parseTime(at);
  return date ? `${thaiTime.format(date)} น.` : at;
}

/** e.g. "22 Nov 2026, 10:05 (UTC+7)". */
export function formatEnglishTime(at: string): string {
  const date = parseTime(at);
  return date ? `${englishTime.format(date)} (UTC+7)` : at;
}

export function formatCoordinates(location: { lon: number; lat: number }): string {
  return `${location.lat.toFixed(5)}, ${location.lon.toFixed(5)}`;
}

/** Trims, then cuts to at most `max` UTF-16 units (ending with "…") without splitting a character. */
export function truncateText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  if (max <= 0) return '';
  let out = '';
  for (const { segment } of graphemes.segment(trimmed)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

function compose(n: Notification, bodyTh: string, bodyEn: string): string {
  const severity = n.severity.trim();
  const coordinates = n.location ? formatCoordinates(n.location) : null;
  const th = [
    `[${SEVERITY_TH[severity.toLowerCase()] ?? severity}] ${n.title.th.trim()}`,
    bodyTh,
    `เวลา: ${formatThaiTime(n.at)}`,
    coordinates && `พิกัด: ${coordinates}`,
  ];
  const en = [
    `[${severity.toUpperCase()}] ${n.title.en.trim()}`,
    bodyEn,
    `Time: ${formatEnglishTime(n.at)}`,
    coordinates && `Location: ${coordinates}`,
  ];
  const blocks = [th, en, [n.url?.trim()]].map((lines) => lines.filter(Boolean).join('\n'));
  return blocks.filter(Boolean).join('\n\n');
}

/**
 * Thai lines, a blank line, English lines, then the link. When too long, the two bodies are shortened
 * (sharing the room left) so both languages and the time always survive.
 */
export function formatNotificationText(n: Notification, max = LINE_TEXT_MAX): string {
  const bodyTh = n.body.th.trim();
  const bodyEn = n.body.en.trim();
  const full = compose(n, bodyTh, bodyEn);
  if (full.length <= max) return full;
  const room = Math.max(0, max - compose(n, '', '').length - 2);
  // Each body gets half the room; a short English body gives its unused half to the Thai one and vice versa.
  const th = truncateText(bodyTh, room - Math.min(bodyEn.length, Math.floor(room / 2)));
  const en = truncateText(bodyEn, room - th.length);
  return truncateText(compose(n, th, en), max);
}
