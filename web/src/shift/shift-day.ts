// The shift page's day: Bangkok calendar days (`YYYY-MM-DD`), stepping between them, the log's end for a past day,
// and the day written out in full (Buddhist Era in Thai).
import { fromBangkokInputs, toBangkokInputs } from '../buses/bangkok-time';
import type { Language } from '../i18n/i18n';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A whole, real calendar day (a date input can hold a half-typed one). */
export function isCalendarDay(text: string): boolean {
  if (!DAY_PATTERN.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** Today on the Bangkok calendar at `now`. */
export const bangkokToday = (now: Date): string => toBangkokInputs(now).date;

/** The day `delta` days after `day` (before, when negative). */
export function addDays(day: string, delta: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + delta);
  return date.toISOString().slice(0, 10);
}

/**
 * Where the shift log's list ends for a day: nothing for today (the newest entries, even one written after midnight
 * while the page was open), the Bangkok midnight after a past day (that day's entries and those before it).
 */
export function logEndFor(day: string, today: string): string | undefined {
  if (day >= today) return undefined;
  return fromBangkokInputs(addDays(day, 1), '00:00')?.toISOString();
}

const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };

/** "วันศุกร์ที่ 13 มีนาคม พ.ศ. 2574" or "Thursday 13 March 2031": the calendar day itself, whatever the time zone. */
export function formatCalendarDay(day: string, language: Language): string {
  if (!isCalendarDay(day)) return day;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
