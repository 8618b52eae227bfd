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

export type ReplayPreset = 'lastHour' | 'today' | 'yesterday';
export const REPLAY_PRESETS: readonly ReplayPreset[] = ['lastHour', 'today', 'yesterday'];

const DAY_MS = 86_400_000;

/** Midnight in Bangkok that starts the day `instant` falls on. */
function bangkokMidnight(instant: Date): Date {
  return fromBangkokInputs(toBangkokInputs(instant).date, '00:00')!;
}

/**
 * The period a preset names at `now`: the hour before it (across midnight when it must), the Bangkok day so far, or
 * the whole Bangkok day before.
 */
export function replayPresetPeriod(preset: ReplayPreset, now: Date): { from: Date; to: Date } {
  const midnight = bangkokMidnight(now);
  switch (preset) {
    case 'lastHour':
      return { from: new Date(now.getTime() - 3_600_000), to: now };
    case 'today':
      return { from: midnight, to: now };
    case 'yesterday':
      return { from: new Date(midnight.getTime() - DAY_MS), to: midnight };
  }
}
