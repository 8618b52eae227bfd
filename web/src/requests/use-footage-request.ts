// One request for its page: loaded (retried while the server cannot be reached; a refusal or "not found" is shown),
// kept current from the socket, and replaced by the reply of each action taken on it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FootageRequest } from '@toc/server/schemas';
import { failureOf, type Failure } from '../account/api-failure';
import { ApiError } from '../api/api-error';
import { fetchFootageRequest } from '../api/footage-requests.api';
import { retryDelayMs } from '../state/use-retried-load';
import { isProgressOnly, useRequestFeed } from './use-request-feed';

export interface FootageRequestState {
  request: FootageRequest | null;
  /** Why the request cannot be shown (or could not be refreshed). */
  failure: Failure | null;
}

export function useFootageRequest(id: number) {
  const [state, setState] = useState<FootageRequestState>({ request: null, failure: null });
  const [version, setVersion] = useState(0);
  const statusRef = useRef<string | undefined>(undefined);

  useEffect(() => {
    statusRef.current = state.request?.status;
  }, [state.request]);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      fetchFootageRequest(id, abort.signal).then(
        (request) => setState({ request, failure: null }),
        (error: unknown) => {
          if (abort.signal.aborted) return;
          setState((s) => ({ ...s, failure: failureOf(error, 'requests.offline') }));
          // A refusal or "not found" stays so; only a lost connection or a server error is tried again.
          if (!(error instanceof ApiError) || error.status >= 500) {
            timer = setTimeout(() => attempt(n + 1), retryDelayMs(n));
          }
        },
      );
    };
    attempt(0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useRequestFeed((change) => {
    if (change.id !== id) return;
    if (isProgressOnly(change, statusRef.current)) {
      setState((s) =>
        s.request ? { ...s, request: { ...s.request, exportProgress: change.exportProgress } } : s,
      );
    } else reload();
  }, reload);

  /** The request as an action's reply gives it. */
  const replace = useCallback((request: FootageRequest) => setState({ request, failure: null }), []);
  return { ...state, replace, reload };
}
