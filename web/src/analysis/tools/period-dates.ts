// Bangkok calendar days (YYYY-MM-DD) as people read them: Buddhist-Era years in Thai ("1 ม.ค. 2566"), Gregorian in English.
import type { Language } from '../../i18n/i18n';

const DAY_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Bangkok',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }),
};

/** One day; the text as given when it is not a YYYY-MM-DD date. */
export function formatDay(day: string, language: Language): string {
  // Noon in Bangkok, so the day cannot slip into a neighbour whatever the formatter does with the offset.
  const instant = new Date(`${day}T12:00:00+07:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(instant.getTime())) return day;
  return DAY_FORMATS[language].format(instant);
}

/** A period with both ends included: "1 ม.ค. 2566 – 31 ธ.ค. 2566". */
export function formatPeriod(span: { from: string; to: string }, language: Language): string {
  return `${formatDay(span.from, language)} – ${formatDay(span.to, language)}`;
}

/** Calendar years as a short text: consecutive ones as a range ("2561–2565"), otherwise listed ("2561, 2563"). */
export function formatYears(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return String(first);
  return last - first === sorted.length - 1 ? `${first}–${last}` : sorted.join(', ');
}
