// Why a warning's notification log looks as it does: nobody to tell, no LINE token, still sending, or deliveries failed.
import type { Event, NotificationLogEntry, NotificationReach } from '@toc/server/schemas';
import { asNumber } from '../format/warned-places';

/** Deliveries (with retries) take seconds: an empty log this long after the round means nothing was recorded. */
export const PENDING_MS = 2 * 60_000;

export type NotifyOutcome =
  /** At least one delivery succeeded; `lineWithoutToken` LINE recipients were skipped all the same. */
  | { kind: 'delivered'; lineWithoutToken: number }
  /** Every logged delivery failed. */
  | { kind: 'failed'; failed: number; lineWithoutToken: number }
  /** Nothing logged and no count recorded (a warning from before counts were kept). */
  | { kind: 'unknown' }
  /** No system-wide channel and no recipient for these districts. */
  | { kind: 'nobody'; districtsTh: string[] }
  /** The only recipients are on LINE and the workers have no LINE token. */
  | { kind: 'noLineToken'; lineWithoutToken: number; districtsTh: string[] }
  | { kind: 'pending'; recipients: number }
  /** Someone could be told, yet long after the round nothing is logged (the workers failed before sending). */
  | { kind: 'missing'; recipients: number };

const count = (v: unknown) => {
  const n = asNumber(v);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
};

/** The reach the workers counted for the warning's last notification round; null when absent or malformed. */
export function notifyReachOf(warning: Event): NotificationReach | null {
  const raw = warning.payload.notifyReach as Record<string, unknown> | undefined;
  if (!raw || typeof raw !== 'object') return null;
  const channels = count(raw.channels);
  const targets = count(raw.targets);
  const lineWithoutToken = count(raw.lineWithoutToken);
  const at = typeof raw.at === 'string' ? raw.at : null;
  if (channels === null || targets === null || lineWithoutToken === null || at === null || Number.isNaN(Date.parse(at))) return null;
  const districtsTh = Array.isArray(raw.districtsTh) ? raw.districtsTh.filter((d): d is string => typeof d === 'string') : [];
  return { channels, targets, lineWithoutToken, districtsTh, at };
}

export function notifyOutcome(warning: Event, entries: readonly NotificationLogEntry[], now: number): NotifyOutcome {
  const reach = notifyReachOf(warning);
  const lineWithoutToken = reach?.lineWithoutToken ?? 0;
  if (entries.some((e) => e.ok)) return { kind: 'delivered', lineWithoutToken };
  if (entries.length > 0) return { kind: 'failed', failed: entries.length, lineWithoutToken };
  if (!reach) return { kind: 'unknown' };
  const recipients = reach.channels + reach.targets - reach.lineWithoutToken;
  if (recipients <= 0) {
    return lineWithoutToken > 0
      ? { kind: 'noLineToken', lineWithoutToken, districtsTh: reach.districtsTh }
      : { kind: 'nobody', districtsTh: reach.districtsTh };
  }
  return now - Date.parse(reach.at) < PENDING_MS ? { kind: 'pending', recipients } : { kind: 'missing', recipients };
}
