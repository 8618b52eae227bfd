// Month and year labels of the charts: Thai month abbreviations and Buddhist-Era years in Thai, Gregorian in English.
import type { Language } from '../../i18n/i18n';

const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };
const monthFormats = new Map<Language, Intl.DateTimeFormat>();

/** Short month name, e.g. "มี.ค." or "Mar" (month 1..12). */
export function monthShort(month: number, language: Language): string {
  let format = monthFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { month: 'short', timeZone: 'Asia/Bangkok' });
    monthFormats.set(language, format);
  }
  // Mid-month at noon UTC is the same month in Bangkok whatever the month's length.
  return format.format(new Date(Date.UTC(2000, month - 1, 15, 12)));
}

/** The year as Thai readers count it (Buddhist Era) or as English readers do. */
export const yearLabel = (year: { year: number; yearBe: number }, language: Language) =>
  String(language === 'th' ? year.yearBe : year.year);
