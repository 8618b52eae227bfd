// The request list: the status filter, the order (the staff queue puts open requests first, overdue ones at the top),
// and merging one re-read request into the list shown.
import {
  FOOTAGE_REQUEST_STATUSES,
  type FootageRequest,
  type FootageRequestStatus,
} from '@toc/server/schemas';

/** 'open': waiting for a decision (submitted or in review). */
export type StatusFilter = 'all' | 'open' | FootageRequestStatus;
export const STATUS_FILTERS: readonly StatusFilter[] = ['all', 'open', ...FOOTAGE_REQUEST_STATUSES];

export const isOpen = (status: FootageRequestStatus): boolean =>
  status === 'submitted' || status === 'in_review';

export function isStatusFilter(value: string | null): value is StatusFilter {
  return value !== null && (STATUS_FILTERS as readonly string[]).includes(value);
}

export function matchesFilter(request: FootageRequest, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return isOpen(request.status);
  return request.status === filter;
}

/**
 * Staff: open requests first, overdue ones at the very top, the longest-waiting first (a queue is served in turn); then
 * the rest, newest first. Police: their station's requests, newest first.
 */
export function orderRequests(requests: readonly FootageRequest[], queue: boolean): FootageRequest[] {
  const created = (r: FootageRequest) => Date.parse(r.createdAt);
  return [...requests].sort((a, b) => {
    if (queue) {
      const rank = (r: FootageRequest) => (isOpen(r.status) ? (r.overdue ? 0 : 1) : 2);
      if (rank(a) !== rank(b)) return rank(a) - rank(b);
      if (rank(a) < 2) return created(a) - created(b) || a.id - b.id;
    }
    return created(b) - created(a) || b.id - a.id;
  });
}

/** The list with one request put in (or replaced), or taken out when it no longer matches the filter. */
export function mergeRequest(
  list: readonly FootageRequest[],
  request: FootageRequest,
  filter: StatusFilter,
): FootageRequest[] {
  const others = list.filter((r) => r.id !== request.id);
  return matchesFilter(request, filter) ? [...others, request] : others;
}
