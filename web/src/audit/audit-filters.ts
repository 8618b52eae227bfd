// The audit page's filters as the API's query: Bangkok days (both included, either may be left open), user, action prefix.
import type { AuditQuery } from '@toc/server/schemas';
import { fromBangkokInputs, toBangkokInputs } from '../buses/bangkok-time';

const DAY_MS = 86_400_000;

export interface AuditFilters {
  user: string;
  action: string;
  /** `YYYY-MM-DD` on the Bangkok calendar, or '' for no bound. */
  firstDay: string;
  lastDay: string;
}

export type AuditFiltersProblem = 'incomplete' | 'reversed';

/** The last seven Bangkok days, today included, anyone, any action. */
export function defaultFilters(now: Date): AuditFilters {
  return {
    user: '',
    action: '',
    firstDay: toBangkokInputs(new Date(now.getTime() - 6 * DAY_MS)).date,
    lastDay: toBangkokInputs(now).date,
  };
}

/** The query for these filters (from the first day's midnight to the midnight after the last), or why not. */
export function auditQueryOf(filters: AuditFilters): AuditQuery | AuditFiltersProblem {
  const query: AuditQuery = {};
  const user = filters.user.trim();
  const action = filters.action.trim();
  if (user) query.user = user;
  if (action) query.action = action;
  if (filters.firstDay) {
    const from = fromBangkokInputs(filters.firstDay, '00:00');
    if (!from) return 'incomplete';
    query.from = from.toISOString();
  }
  if (filters.lastDay) {
    const last = fromBangkokInputs(filters.lastDay, '00:00');
    if (!last) return 'incomplete';
    query.to = new Date(last.getTime() + DAY_MS).toISOString();
  }
  if (query.from && query.to && query.to <= query.from) return 'reversed';
  return query;
}
