// The live crash layer's data while it is shown: read on open, again (debounced) when the server says crashes
// changed, when a traffic incident event comes or changes, after a reconnect or a resync, and every few minutes so that
// crashes older than 24 hours leave the map.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Event, LiveCrashCollection } from '@toc/server/schemas';
import { useLiveData } from '../../state/live-data.context';
import { Debouncer, trafficIncidentVersion } from './live-crashes-refresh';
import { fetchLiveCrashes } from './map-data.api';

const DEBOUNCE_MS = 1_000;
const AGE_OUT_MS = 5 * 60_000;

export function useLiveCrashes(enabled: boolean, events: readonly Event[]): LiveCrashCollection | null {
  const live = useLiveData();
  const [crashes, setCrashes] = useState<LiveCrashCollection | null>(null);
  const refreshRef = useRef<(() => void) | null>(null);
  const version = useMemo(() => trafficIncidentVersion(events), [events]);

  useEffect(() => {
    if (!enabled) return;
    let abort = new AbortController();
    const load = () => {
      abort.abort();
      abort = new AbortController();
      // A failed read keeps what the map shows; the next change or the age-out timer tries again.
      fetchLiveCrashes(abort.signal).then(setCrashes, () => undefined);
    };
    const debounced = new Debouncer(load, DEBOUNCE_MS);
    refreshRef.current = () => debounced.trigger();
    load();
    const offChanged = live.realtime.onCrashesChanged(() => debounced.trigger());
    const offResync = live.realtime.onResync(() => debounced.trigger());
    // Messages sent while the socket was down are not replayed.
    const offState = live.realtime.onState((state) => {
      if (state === 'connected') debounced.trigger();
    });
    const timer = setInterval(() => {
      if (!document.hidden) debounced.trigger();
    }, AGE_OUT_MS);
    return () => {
      refreshRef.current = null;
      offChanged();
      offResync();
      offState();
      clearInterval(timer);
      debounced.cancel();
      abort.abort();
    };
  }, [enabled, live]);

  useEffect(() => {
    if (version > 0) refreshRef.current?.();
  }, [version]);

  return enabled ? crashes : null;
}
