// Service days in a feed's time zone: which date an instant falls on, and when a service day's clock starts.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormats.get(timeZone);
  if (!f)
    dateFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return f;
}

/** YYYYMMDD of the instant in the zone. */
export function localDate(ms: number, timeZone: string): string {
  return dateFormat(timeZone).format(ms).replaceAll('-', '');
}

/** Milliseconds the zone is ahead of UTC at the instant. */
function zoneOffsetMs(ms: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const dayStarts = new Map<string, number>();

/** GTFS times count from "noon minus 12 h" of the service date, which is midnight except on DST change days. */
export function serviceDayStartMs(date: string, timeZone: string): number {
  const key = `${timeZone}|${date}`;
  const cached = dayStarts.get(key);
  if (cached !== undefined) return cached;
  const noonUtc = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(4, 6)) - 1,
    Number(date.slice(6, 8)),
    12,
  );
  const noonLocal = noonUtc - zoneOffsetMs(noonUtc - zoneOffsetMs(noonUtc, timeZone), timeZone);
  const start = noonLocal - 12 * 3600_000;
  dayStarts.set(key, start);
  return start;
}

export function addDays(date: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)) + days),
  );
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday, as calendar.txt orders its columns. */
export function weekdayIndex(date: string): number {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))),
  );
  return (d.getUTCDay() + 6) % 7;
}

export interface ServiceCalendar {
  calendar: Map<string, { weekdays: boolean[]; start: string; end: string }>;
  /** date → service id → 1 added, 2 removed */
  exceptions: Map<string, Map<string, 1 | 2>>;
}

/** The service ids running on a date: calendar.txt's weekday and range, then calendar_dates' additions and removals. */
export function activeServices(cal: ServiceCalendar, date: string): Set<string> {
  const active = new Set<string>();
  const weekday = weekdayIndex(date);
  for (const [id, c] of cal.calendar)
    if (c.weekdays[weekday] && date >= c.start && date <= c.end) active.add(id);
  for (const [id, kind] of cal.exceptions.get(date) ?? []) {
    if (kind === 1) active.add(id);
    else active.delete(id);
  }
  return active;
}
