// How long alarms waited to be acknowledged, as a translation key and its numbers (seconds, minutes, hours).
import type { TranslationKey } from '../i18n/en';

export type WaitText =
  | { key: Extract<TranslationKey, 'shift.wait.seconds'>; values: { s: number } }
  | { key: Extract<TranslationKey, 'shift.wait.minutes'>; values: { m: number; s: number } }
  | { key: Extract<TranslationKey, 'shift.wait.hours'>; values: { h: number; m: number } };

/** Whole seconds under a minute, minutes and seconds under an hour, else hours and minutes. */
export function waitText(seconds: number): WaitText {
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return { key: 'shift.wait.seconds', values: { s: total } };
  if (total < 3600)
    return { key: 'shift.wait.minutes', values: { m: Math.floor(total / 60), s: total % 60 } };
  const minutes = Math.round(total / 60);
  return { key: 'shift.wait.hours', values: { h: Math.floor(minutes / 60), m: minutes % 60 } };
}
