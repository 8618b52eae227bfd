// `datetime-local` values read as Bangkok wall-clock time (UTC+7, whatever the browser's zone), to and from instants.
import { fromBangkokInputs, toBangkokInputs } from '../buses/bangkok-time';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** `YYYY-MM-DDTHH:MM:SS` as a Bangkok clock shows the instant (seconds dropped, never rounded up). */
export function toBangkokLocal(ms: number): string {
  const { date, time } = toBangkokInputs(new Date(ms));
  // Bangkok is a whole number of hours from UTC, so its seconds are UTC's.
  const seconds = Math.floor(ms / 1000) - Math.floor(ms / 60_000) * 60;
  return `${date}T${time}:${String(seconds).padStart(2, '0')}`;
}

/** The instant a `datetime-local` value names in Bangkok (seconds optional, fractions ignored), or null if incomplete. */
export function fromBangkokLocal(value: string): number | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [, date = '', time = '', seconds = '0'] = match;
  const s = Number(seconds);
  if (s > 59) return null;
  const minute = fromBangkokInputs(date, time);
  if (!minute) return null;
  // `new Date` rolls over impossible dates (Feb 30) silently; the round trip refuses them.
  if (toBangkokInputs(minute).date !== date) return null;
  return minute.getTime() + s * 1000;
}
