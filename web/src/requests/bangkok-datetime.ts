// datetime-local inputs read as Bangkok wall-clock time (UTC+7 all year, no daylight saving), whatever the browser's
// own zone, to and from UTC ISO instants.

const OFFSET_MS = 7 * 3_600_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** The instant a datetime-local value ('2026-03-13T14:05') names in Bangkok, as UTC ISO; null when incomplete. */
export function bangkokLocalToIso(value: string): string | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wallClock = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 February over into March: such a value names no day on a calendar.
  if (
    wallClock.getUTCFullYear() !== year ||
    wallClock.getUTCMonth() !== month - 1 ||
    wallClock.getUTCDate() !== day
  ) {
    return null;
  }
  return new Date(wallClock.getTime() - OFFSET_MS).toISOString();
}

/** The datetime-local value ('YYYY-MM-DDTHH:MM') a Bangkok clock shows at the instant; '' for no date. */
export function isoToBangkokLocal(value: string | Date | number): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return '';
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}
