// Figures of the recordings page as people read them: sizes in MB/GB/TB, write rates, time left as days and hours,
// bitrates, and the storage reason in the reader's language.
import { formatNumber } from '../i18n/format';
import type { Language } from '../i18n/i18n';

// The server's quota and floor are configured in GB of 1024³ bytes: the page counts the same way.
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;
const TIB = 1024 ** 4;

export type ByteUnit = 'MB' | 'GB' | 'TB';

/** Two significant figures below 10 (1.5 GB), whole numbers above (12 GB, 450 GB). */
const rounded = (value: number) => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));

export function byteSize(bytes: number): { value: number; unit: ByteUnit } {
  const b = Math.max(0, Number(bytes) || 0);
  if (b >= TIB) return { value: rounded(b / TIB), unit: 'TB' };
  if (b >= GIB) return { value: rounded(b / GIB), unit: 'GB' };
  return { value: rounded(b / MIB), unit: 'MB' };
}

export function formatBytes(bytes: number, language: Language): string {
  const { value, unit } = byteSize(bytes);
  return `${formatNumber(value, language)} ${unit}`;
}

/** Share of the quota in use, 0–1 (a quota of 0 counts as nothing used). */
export function usedFraction(usedBytes: number, quotaBytes: number): number {
  if (!(quotaBytes > 0)) return 0;
  return Math.min(1, Math.max(0, usedBytes / quotaBytes));
}

export type TimeLeft =
  { kind: 'underHour' } | { kind: 'hours'; h: number } | { kind: 'days'; d: number; h: number };

/** Hours left as whole days and hours (rounded down: a forecast should not promise more than it has). */
export function timeLeft(hours: number): TimeLeft {
  const total = Math.floor(Math.max(0, hours));
  if (total < 1) return { kind: 'underHour' };
  if (total < 24) return { kind: 'hours', h: total };
  return { kind: 'days', d: Math.floor(total / 24), h: total % 24 };
}

/** Under a day at the current rate: the page highlights it. Null (nothing written) is not short. */
export const isUnderADay = (hoursLeft: number | null): boolean => hoursLeft !== null && hoursLeft < 24;

/** A bitrate in kbps below 1 Mbps, else in Mbps with one decimal. */
export function formatBitrate(kbps: number, language: Language): string {
  const k = Math.max(0, Number(kbps) || 0);
  return k >= 1000
    ? `${formatNumber(Math.round(k / 100) / 10, language)} Mbps`
    : `${formatNumber(Math.round(k), language)} kbps`;
}

/** Days with one decimal under ten (0.5, 6.9), whole above. */
export const roundDays = (days: number): number => rounded(Math.max(0, Number(days) || 0));

/**
 * The server writes the volume's reason once in both languages, "English / ไทย": the reader's half, or the whole
 * string when it is not in that shape.
 */
export function reasonIn(reason: string | null, language: Language): string | null {
  if (!reason) return null;
  const parts = reason.split(' / ');
  if (parts.length !== 2) return reason;
  return (language === 'th' ? parts[1] : parts[0])!.trim() || reason;
}
