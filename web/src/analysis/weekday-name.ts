// A weekday's short name in the reader's language (0 = Sunday, as the crash data numbers them).
import type { Language } from '../i18n/i18n';

export function weekdayShort(day: number, language: Language): string {
  // 1 January 2023 was a Sunday; UTC keeps the date from slipping a day.
  return new Intl.DateTimeFormat(language === 'th' ? 'th-TH' : 'en-GB', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2023, 0, 1 + day)));
}
