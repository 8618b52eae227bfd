// "5 minutes ago" in the UI language, for how long an alarm on the wall has been waiting.
import type { Language } from '../i18n/i18n';

const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };
const formats = new Map<Language, Intl.RelativeTimeFormat>();

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
];

/** The largest whole unit of the time between `since` and `now`; a time in the future reads as "now". */
export function formatAgo(since: string | Date, now: number, language: Language): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
    formats.set(language, format);
  }
  const seconds = Math.max(0, Math.floor((now - new Date(since).getTime()) / 1000));
  if (!Number.isFinite(seconds)) return '';
  // Under 10 s the count would flicker every second: "now" is what the operator needs.
  if (seconds < 10) return format.format(0, 'second');
  const [unit, size] = UNITS.find(([, s]) => seconds >= s)!;
  return format.format(-Math.floor(seconds / size), unit);
}
