// Bangkok calendar days (UTC+7 all year: Thailand has kept no daylight saving since 1920) and the instants they span.
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Bangkok calendar day (`YYYY-MM-DD`) an instant falls on. */
export function bangkokDayOf(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** From the Bangkok midnight that starts `day` (`YYYY-MM-DD`, already checked) to the one that ends it. */
export function bangkokDayPeriod(day: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}
