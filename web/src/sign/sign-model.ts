// What the sign shows, from the arrivals message, the time and the language: pure, so it is tested without a screen.
import type { StopArrival } from '@toc/server/schemas';
import { arrivalWhen, upcoming } from '../buses/arrival-time';
import { readableTextColor } from '../buses/route-colors';
import { signText, type SignLanguage } from './sign-strings';

export const SIGN_ROWS = 6;
const COLOR_PATTERN = /^#[0-9a-f]{6}$/i;
const FALLBACK_COLOR = '#475569';

export interface SignRow {
  key: string;
  route: string;
  background: string;
  foreground: string;
  destination: string;
  when: string;
  /** At the stop or within a minute: drawn to stand out. */
  imminent: boolean;
  /** From the timetable only (no live bus yet). */
  scheduled: boolean;
}

export function signRows(arrivals: readonly StopArrival[], nowMs: number, language: SignLanguage): SignRow[] {
  return upcoming(arrivals, nowMs, SIGN_ROWS).map((arrival) => {
    const background = arrival.routeColor && COLOR_PATTERN.test(arrival.routeColor) ? arrival.routeColor : FALLBACK_COLOR;
    const when = arrivalWhen(arrival.predictedAt, nowMs);
    return {
      key: `${arrival.tripId}:${arrival.predictedAt}`,
      route: arrival.routeShortName ?? arrival.routeId,
      background,
      foreground: readableTextColor(background),
      destination: arrival.headsignTranslations[language] ?? arrival.headsign ?? '',
      when: when.kind === 'minutes' ? signText('minutes', language, { n: when.minutes }) : signText(when.kind, language),
      imminent: when.kind !== 'minutes',
      scheduled: arrival.source === 'schedule',
    };
  });
}

const clockOptions: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit' };
const CLOCKS: Record<SignLanguage, Intl.DateTimeFormat> = {
  th: new Intl.DateTimeFormat('th-TH', clockOptions),
  en: new Intl.DateTimeFormat('en-GB', clockOptions),
};

/** The sign's clock: Bangkok time, hours and minutes. */
export function signClock(nowMs: number, language: SignLanguage): string {
  return CLOCKS[language].format(nowMs);
}

/** Which language the sign shows at a moment: each one for `periodMs`, Thai first. */
export function signLanguageAt(nowMs: number, periodMs: number): SignLanguage {
  return Math.floor(nowMs / periodMs) % 2 === 0 ? 'th' : 'en';
}
