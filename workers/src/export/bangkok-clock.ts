// Wall-clock instants as the evidence shows them: Asia/Bangkok (UTC+7, no daylight saving), Thai with Buddhist-Era years.

/** Bangkok has been UTC+7 all year since 1920: a fixed offset, so ISO strings need no time-zone database. */
export const BANGKOK_OFFSET_MS = 7 * 3_600_000;

const thaiSeconds = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
  timeZone: 'Asia/Bangkok',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** Whole seconds: a clock shows the second that has begun (floor), never one still to come. */
const floorSecond = (at: Date) => new Date(Math.floor(at.getTime() / 1000) * 1000);

/** Bangkok local date and time to the second as `YYYY-MM-DD`, `HH:MM:SS`. */
function bangkokParts(at: Date): { date: string; time: string } {
  const local = new Date(floorSecond(at).getTime() + BANGKOK_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 19) };
}

/** e.g. `2026-12-05T17:30:05+07:00`. */
export function bangkokIso(at: Date): string {
  const { date, time } = bangkokParts(at);
  return `${date}T${time}+07:00`;
}

/** e.g. `2026-12-05 17:30:05 +07:00` (easier to read than the ISO `T`). */
export function bangkokReadable(at: Date): string {
  const { date, time } = bangkokParts(at);
  return `${date} ${time} +07:00`;
}

/** e.g. `5 ธ.ค. 2569 17:30:05 น.` (Buddhist era). */
export function bangkokThai(at: Date): string {
  return `${thaiSeconds.format(floorSecond(at))} น.`;
}
