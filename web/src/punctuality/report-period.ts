// The report's period as Bangkok calendar days (both included) and the instants the API takes.
import { fromBangkokInputs, toBangkokInputs } from '../buses/bangkok-time';

export const MAX_PERIOD_DAYS = 92;
const DAY_MS = 86_400_000;

export type PeriodProblem = 'incomplete' | 'reversed' | 'tooLong';

/** From the first day's midnight to the midnight after the last day, Bangkok time; or why not. */
export function periodInstants(firstDay: string, lastDay: string): { from: Date; to: Date } | PeriodProblem {
  const from = fromBangkokInputs(firstDay, '00:00');
  const last = fromBangkokInputs(lastDay, '00:00');
  if (!from || !last) return 'incomplete';
  const to = new Date(last.getTime() + DAY_MS);
  if (to <= from) return 'reversed';
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) return 'tooLong';
  return { from, to };
}

/** The last seven Bangkok days, today included. */
export function lastWeek(now: Date): { firstDay: string; lastDay: string } {
  return {
    firstDay: toBangkokInputs(new Date(now.getTime() - 6 * DAY_MS)).date,
    lastDay: toBangkokInputs(now).date,
  };
}
