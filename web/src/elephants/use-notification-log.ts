// Reads a notification log and keeps it fresh: deliveries are logged after the warning (retries take seconds).
import { useCallback, useEffect, useState } from 'react';
import type { NotificationLogEntry } from '@toc/server/schemas';

export type LogState = 'loading' | 'ready' | 'failed';
/** Deliveries do not change the event, so nothing pushes them: the open log is read again at this pace. */
const REFRESH_MS = 10_000;

/** `load` null: the role may not read the log, nothing is requested. `version` re-reads it when it changes. */
export function useNotificationLog(
  load: ((signal: AbortSignal) => Promise<NotificationLogEntry[]>) | null,
  version: unknown,
): { entries: NotificationLogEntry[]; state: LogState; refresh: () => void } {
  const [entries, setEntries] = useState<NotificationLogEntry[]>([]);
  const [state, setState] = useState<LogState>('loading');
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    setEntries([]);
    setState('loading');
  }, [load]);

  useEffect(() => {
    if (!load) return;
    const abort = new AbortController();
    load(abort.signal).then(
      (list) => {
        setEntries(list);
        setState('ready');
      },
      () => {
        if (!abort.signal.aborted) setState('failed');
      },
    );
    return () => abort.abort();
  }, [load, version, tick]);

  useEffect(() => {
    if (!load) return;
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load, refresh]);

  return { entries, state, refresh };
}
