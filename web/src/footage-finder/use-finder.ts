// Loads the finder's answer for a request; a failure is kept (its reason shown) until the user tries again.
import { useCallback, useEffect, useState } from 'react';
import type { FootageSearch } from '@toc/server/schemas';
import { fetchFinder } from './finder.api';

export interface FinderState {
  search: FootageSearch | null;
  error: unknown;
  loading: boolean;
}

const START: FinderState = { search: null, error: null, loading: true };

/**
 * `key` names what the answer depends on (the request's place and window): another request or key starts afresh,
 * while `reload` keeps the answer shown until the new one arrives.
 */
export function useFinder(requestId: number, key: string): FinderState & { reload: () => void } {
  const base = `${requestId}|${key}`;
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<FinderState & { base: string }>({ ...START, base });

  useEffect(() => {
    const abort = new AbortController();
    setState((current) =>
      current.base === base ? { ...current, error: null, loading: true } : { ...START, base },
    );
    fetchFinder(requestId, abort.signal).then(
      (search) => setState({ base, search, error: null, loading: false }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState((current) => ({ ...current, base, error, loading: false }));
      },
    );
    return () => abort.abort();
    // `base` names the request and what its answer depends on; `version` asks again.
  }, [requestId, base, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const shown = state.base === base ? state : START;
  return { search: shown.search, error: shown.error, loading: shown.loading, reload };
}
