// Which events the alarm feed shows: by type, minimum severity, status and district; routine counts stay out of it.
import { EVENT_STATUSES, SEVERITIES, type Event, type EventStatus, type EventType, type Severity } from '@toc/server/schemas';

export interface AlarmFilter {
  /** Empty: every type. */
  types: readonly EventType[];
  minSeverity: Severity;
  /** Empty: every status. */
  statuses: readonly EventStatus[];
  /** A district code (ADM2_PCODE), or null for the whole province. */
  district: string | null;
}

/** Finds the district of a position; without one, the district filter lets nothing through. */
export type DistrictOf = (location: Event['location']) => string | null;

/** An operator's shift starts on what still needs someone: open and acknowledged alarms, routine counts hidden. */
export const DEFAULT_ALARM_FILTER: AlarmFilter = { types: [], minSeverity: 'low', statuses: ['open', 'acknowledged'], district: null };

const rank = (severity: Severity) => SEVERITIES.indexOf(severity);

export function matchesAlarmFilter(event: Event, filter: AlarmFilter, districtOf: DistrictOf = () => null): boolean {
  return (
    rank(event.severity) >= rank(filter.minSeverity) &&
    (filter.types.length === 0 || filter.types.includes(event.type)) &&
    (filter.statuses.length === 0 || filter.statuses.includes(event.status)) &&
    (filter.district === null || districtOf(event.location) === filter.district)
  );
}

const isUnacknowledgedCritical = (event: Event) => event.status === 'open' && event.severity === 'critical';

/**
 * Priority first: unacknowledged critical alarms pinned at the top, then by severity, the unacknowledged before the
 * acknowledged (and those before closed ones, in EVENT_STATUSES order), then newest first. An operator reads down from what matters most.
 */
export function compareAlarms(a: Event, b: Event): number {
  return (
    Number(isUnacknowledgedCritical(b)) - Number(isUnacknowledgedCritical(a)) ||
    rank(b.severity) - rank(a.severity) ||
    EVENT_STATUSES.indexOf(a.status) - EVENT_STATUSES.indexOf(b.status) ||
    b.startedAt.localeCompare(a.startedAt) ||
    b.id - a.id
  );
}

export function filterAlarms(events: readonly Event[], filter: AlarmFilter, districtOf?: DistrictOf): Event[] {
  return events.filter((event) => matchesAlarmFilter(event, filter, districtOf)).sort(compareAlarms);
}

/** Critical alarms nobody has acknowledged: counted apart, above the list. */
export function unacknowledgedCriticalCount(events: readonly Event[]): number {
  return events.filter(isUnacknowledgedCritical).length;
}

/** Alarms nobody has acknowledged yet (routine `info` events are not alarms). */
export function unacknowledgedCount(events: readonly Event[]): number {
  return events.filter((event) => event.status === 'open' && event.severity !== 'info').length;
}
