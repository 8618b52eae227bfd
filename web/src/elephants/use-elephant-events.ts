// The page's elephant events: a week read once from the API, kept current by the live store (highest seq wins).
import { useEffect, useMemo, useState } from 'react';
import type { Event } from '@toc/server/schemas';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { fetchElephantEvents } from './elephant-events.api';
import { isElephantEvent, mergeBySeq } from './elephant-situation';

export type ElephantLoadState = 'loading' | 'ready' | 'failed';

export function useElephantEvents(): { events: Event[]; loadState: ElephantLoadState } {
  const live = useLiveData();
  const liveEvents = useStore(live.events);
  const [loaded, setLoaded] = useState<readonly Event[]>([]);
  const [loadState, setLoadState] = useState<ElephantLoadState>('loading');

  useEffect(() => {
    const abort = new AbortController();
    fetchElephantEvents(abort.signal).then(
      (events) => {
        setLoaded(events);
        setLoadState('ready');
      },
      () => {
        // The live store still carries what arrives from now on.
        if (!abort.signal.aborted) setLoadState('failed');
      },
    );
    return () => abort.abort();
  }, []);

  const events = useMemo(() => mergeBySeq(loaded, liveEvents.list.filter(isElephantEvent)), [loaded, liveEvents.list]);
  return { events, loadState };
}
