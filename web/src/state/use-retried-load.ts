// Loads something for a view and keeps retrying with growing pauses while it fails, saying so meanwhile.
import { useEffect, useState } from 'react';

export interface RetriedLoad<T> {
  value: T;
  /** The last attempt failed; another is scheduled. */
  failed: boolean;
}

/** First retry after 1 s, doubling up to 30 s: a server restart or a dropped connection heals without a reload. */
export const retryDelayMs = (attempt: number): number => Math.min(30_000, 1000 * 2 ** attempt);

/**
 * Runs `load` for the thing named `key`, again whenever its `version` changes, and only while `enabled`. A failure
 * keeps the last value of the same thing shown and tries again, so a view fed by one-off fetches does not stay stale
 * after a failed one; another `key` starts from `initial`, never showing the previous thing's value.
 */
export function useRetriedLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  version: string | number,
  initial: T,
  enabled = true,
): RetriedLoad<T> {
  const [state, setState] = useState<RetriedLoad<T> & { key: string }>({
    key,
    value: initial,
    failed: false,
  });
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = (n: number) => {
      load(abort.signal).then(
        (value) => setState({ key, value, failed: false }),
        () => {
          if (abort.signal.aborted) return;
          setState((current) => ({
            key,
            value: current.key === key ? current.value : initial,
            failed: true,
          }));
          timer = setTimeout(() => attempt(n + 1), retryDelayMs(n));
        },
      );
    };
    attempt(0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
    // `load` and `initial` are fresh on every render; `key` and `version` say when what is loaded has changed.
  }, [key, version, enabled]);
  return state.key === key ? state : { value: initial, failed: false };
}
