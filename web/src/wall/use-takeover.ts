// The wall's takeover queue: open critical events from the live store plus the ones already open when the wall
// loaded (older than the live store's first page), and a call for each new arrival (it sounds the alert).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Event } from '@toc/server/schemas';
import { fetchEvents } from '../api/events.api';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { newArrivals, TAKEOVER_TYPES, takeoverQueue } from './takeover';

/** More open critical alarms than this at once is a disaster plan, not a wall: the count still shows "+N". */
const OPEN_LIMIT = 200;

export function useTakeover(onArrival: (event: Event) => void): readonly Event[] {
  const live = useLiveData();
  const events = useStore(live.events);
  const loadStatus = useStore(live.loadStatus);
  const [alreadyOpen, setAlreadyOpen] = useState<readonly Event[] | null>(null);
  const seen = useRef<Set<number> | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetchEvents({ status: ['open'], type: TAKEOVER_TYPES, limit: OPEN_LIMIT }, abort.signal).then(
      (page) => setAlreadyOpen(page.items),
      () => !abort.signal.aborted && setAlreadyOpen([]),
    );
    return () => abort.abort();
  }, []);

  // The live store holds the newest version of each event (socket and actions), so its copy wins by seq.
  const queue = useMemo(() => takeoverQueue(alreadyOpen ?? [], events.list), [alreadyOpen, events.list]);

  // Alarms present when the wall opens are shown but not announced; only later arrivals sound.
  const loaded = alreadyOpen !== null && loadStatus.events !== 'loading';
  useEffect(() => {
    if (!loaded) return;
    const arrivals = newArrivals(seen.current, queue);
    seen.current = new Set([...(seen.current ?? []), ...queue.map((e) => e.id)]);
    if (arrivals.length > 0) onArrival(arrivals[0]!);
  }, [loaded, queue, onArrival]);

  return queue;
}
