// Day partitions of gps_positions, pure: one per Bangkok calendar day (UTC+7, no daylight saving), named gps_positions_YYYYMMDD.
const BANGKOK_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
const NAME = /^gps_positions_(\d{4})(\d{2})(\d{2})$/;

/** YYYYMMDD of the Bangkok day holding this instant. */
export function bangkokDay(ms: number): string {
  return new Date(ms + BANGKOK_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');
}

export const partitionName = (day: string) => `gps_positions_${day}`;

/** The instants the day's partition covers: [Bangkok midnight, next Bangkok midnight). */
export function dayBounds(day: string): { from: Date; to: Date } {
  const from =
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) -
    BANGKOK_OFFSET_MS;
  return { from: new Date(from), to: new Date(from + DAY_MS) };
}

/** The day of a partition table name, or null for any other table. */
export function dayOfPartition(name: string): string | null {
  const match = NAME.exec(name);
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/** Today and the next `ahead` Bangkok days. */
export const daysAhead = (nowMs: number, ahead: number): string[] =>
  Array.from({ length: ahead + 1 }, (_, i) => bangkokDay(nowMs + i * DAY_MS));

/** Partitions whose whole day ended more than `retentionDays` ago. */
export function expiredPartitions(names: readonly string[], nowMs: number, retentionDays: number): string[] {
  const oldestKept = bangkokDay(nowMs - retentionDays * DAY_MS);
  return names.filter((name) => {
    const day = dayOfPartition(name);
    return day !== null && day < oldestKept;
  });
}
