// The requests of the list page: loaded for the status filter (retried with growing pauses while it fails), kept
// current from the socket (export progress at once; any other change re-reads that request), re-read after a reconnect
// and every few minutes (for the overdue flags).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FootageRequest } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import {
  fetchFootageRequest,
  fetchFootageRequests,
  type FootageRequestListQuery,
} from '../api/footage-requests.api';
import { retryDelayMs } from '../state/use-retried-load';
import { mergeRequest, type StatusFilter } from './request-queue';
import { isProgressOnly, useRequestFeed } from './use-request-feed';

const LIST_LIMIT = 300;
/** "Overdue" is the server's verdict at the time of reading: the list is read again now and then to catch up with it. */
const REFRESH_MS = 5 * 60_000;

const queryOf = (filter: StatusFilter): FootageRequestListQuery =>
  filter === 'all'
    ? { limit: LIST_LIMIT }
    : filter === 'open'
      ? { open: true, limit: LIST_LIMIT }
      : { status: filter, limit: LIST_LIMIT };

export interface RequestListState {
  requests: FootageRequest[] | null;
  /** The last load failed; another is scheduled. */
  failed: boolean;
}

export function useRequestList(filter: StatusFilter) {
  const [state, setState] = useState<RequestListState & { filter: StatusFilter }>({
    filter,
    requests: null,
    failed: false,
  });
  const [version, setVersion] = useState(0);
  const filterRef = useRef(filter);
  const statusOf = useRef(new Map<number, string>());

  useEffect(() => {
    filterRef.current = filter;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      fetchFootageRequests(queryOf(filter), abort.signal).then(
        (requests) => setState({ filter, requests, failed: false }),
        () => {
          if (abort.signal.aborted) return;
          setState((s) => ({ filter, requests: s.filter === filter ? s.requests : null, failed: true }));
          timer = setTimeout(() => attempt(n + 1), retryDelayMs(n));
        },
      );
    };
    attempt(0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [filter, version]);

  useEffect(() => {
    const timer = setInterval(() => setVersion((v) => v + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    statusOf.current = new Map((state.requests ?? []).map((r) => [r.id, r.status]));
  }, [state.requests]);

  /** Puts a re-read request in its place (or out of the list, when it left the filter or may no longer be seen). */
  const put = useCallback((id: number, request: FootageRequest | null) => {
    setState((s) => {
      if (!s.requests || s.filter !== filterRef.current) return s;
      const requests = request
        ? mergeRequest(s.requests, request, s.filter)
        : s.requests.filter((r) => r.id !== id);
      return { ...s, requests };
    });
  }, []);

  // One re-read per request at a time; a change during it asks for one more afterwards.
  const reading = useRef(new Map<number, boolean>());
  const reread = useCallback(
    (id: number) => {
      if (reading.current.has(id)) {
        reading.current.set(id, true);
        return;
      }
      reading.current.set(id, false);
      fetchFootageRequest(id)
        .then(
          (request) => put(id, request),
          (error: unknown) => {
            if (error instanceof ApiError && error.status === 404) put(id, null);
          },
        )
        .finally(() => {
          const again = reading.current.get(id);
          reading.current.delete(id);
          if (again) reread(id);
        });
    },
    [put],
  );

  useRequestFeed(
    (change) => {
      if (isProgressOnly(change, statusOf.current.get(change.id))) {
        setState((s) => ({
          ...s,
          requests:
            s.requests?.map((r) =>
              r.id === change.id ? { ...r, exportProgress: change.exportProgress } : r,
            ) ?? null,
        }));
        return;
      }
      reread(change.id);
    },
    () => setVersion((v) => v + 1),
  );

  const shown = state.filter === filter ? state : { requests: null, failed: false };
  return { requests: shown.requests, failed: shown.failed, replace: put };
}
