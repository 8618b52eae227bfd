// Date and time inputs in Bangkok time (UTC+7 all year, no daylight saving) to and from instants.

const OFFSET_MS = 7 * 3_600_000;

/** `YYYY-MM-DD` and `HH:MM` as a Bangkok clock shows them at that instant. */
export function toBangkokInputs(instant: Date): { date: string; time: string } {
  const shifted = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The instant a Bangkok date and time name, or null when either input is incomplete. */
export function fromBangkokInputs(date: string, time: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const instant = new Date(`${date}T${time}:00+07:00`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
