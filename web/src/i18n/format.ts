// Locale-aware formatting: Bangkok time, Buddhist Era for Thai (as Intl gives th-TH), Gregorian for English.
import type { Language } from './i18n';

const TIME_ZONE = 'Asia/Bangkok';
const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();
const timeFormats = new Map<Language, Intl.DateTimeFormat>();
const numberFormats = new Map<Language, Intl.NumberFormat>();

function cached<T>(cache: Map<Language, T>, language: Language, make: () => T): T {
  let value = cache.get(language);
  if (!value) {
    value = make();
    cache.set(language, value);
  }
  return value;
}

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Full date and time, e.g. "22 พ.ย. 2568 14:05:09" or "22 Nov 2025, 14:05:09". */
export function formatDateTime(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!date) return '';
  return cached(dateTimeFormats, language, () =>
    new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'medium' }),
  ).format(date);
}

/** Time of day only, for dense lists. */
export function formatTime(value: string | Date, language: Language): string {
  const date = toDate(value);
  if (!date) return '';
  return cached(timeFormats, language, () =>
    new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  ).format(date);
}

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayTimeFormats = new Map<Language, Intl.DateTimeFormat>();
const dayYearTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A time for a list: the time of day when it is on the same Bangkok day as `now`, else with the day (and the year when
 * that differs too), so that at 01:00 an alarm from 23:48 does not read as today's.
 */
export function formatListTime(value: string | Date, language: Language, now: Date): string {
  const date = toDate(value);
  if (!date) return '';
  if (dayKeyFormat.format(date) === dayKeyFormat.format(now)) return formatTime(date, language);
  const sameYear = dayKeyFormat.format(date).slice(0, 4) === dayKeyFormat.format(now).slice(0, 4);
  const base = { timeZone: TIME_ZONE, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } as const;
  return sameYear
    ? cached(dayTimeFormats, language, () => new Intl.DateTimeFormat(LOCALES[language], base)).format(date)
    : cached(dayYearTimeFormats, language, () => new Intl.DateTimeFormat(LOCALES[language], { ...base, year: 'numeric' })).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return cached(numberFormats, language, () => new Intl.NumberFormat(LOCALES[language])).format(value);
}
