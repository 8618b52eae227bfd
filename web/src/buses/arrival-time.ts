// How far away an arrival is, as passengers read it: "now" when it is at the stop, "due" within a minute, else minutes.
// Shared by the control-room popup and the public sign (no UI library here).

export type ArrivalWhen = { kind: 'now' } | { kind: 'due' } | { kind: 'minutes'; minutes: number };

/** A bus this close (in seconds) is at the stop or pulling in. */
const NOW_WITHIN_S = 20;

export function arrivalWhen(predictedAt: string, nowMs: number): ArrivalWhen {
  const seconds = (Date.parse(predictedAt) - nowMs) / 1000;
  if (seconds < NOW_WITHIN_S) return { kind: 'now' };
  if (seconds < 60) return { kind: 'due' };
  // Whole minutes, rounded down as transit signs do: "3 min" means it will not be later than 4.
  return { kind: 'minutes', minutes: Math.floor(seconds / 60) };
}

/** Arrivals still worth showing: not more than a minute in the past (a late push may lag the bus). */
export function upcoming<T extends { predictedAt: string }>(arrivals: readonly T[], nowMs: number, limit: number): T[] {
  return arrivals
    .filter((a) => Date.parse(a.predictedAt) >= nowMs - 60_000)
    .sort((a, b) => Date.parse(a.predictedAt) - Date.parse(b.predictedAt))
    .slice(0, limit);
}
