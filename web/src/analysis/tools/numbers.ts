// Numbers of the crash tools in the UI language: fixed decimals (EPDO, ratios) and p-values.
import type { Language } from '../../i18n/i18n';

const LOCALES: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };
const formats = new Map<string, Intl.NumberFormat>();

/** Exactly `digits` decimals, grouped by the language: 1234.56 → "1,234.6". */
export function formatFixed(value: number, digits: number, language: Language): string {
  const key = `${language}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/** A p-value to four decimals; below that, "< 0.0001" (a p of exactly 0 would read as certainty). */
export function formatPValue(value: number, language: Language): string {
  return value < 0.0001 ? `< ${formatFixed(0.0001, 4, language)}` : formatFixed(value, 4, language);
}
