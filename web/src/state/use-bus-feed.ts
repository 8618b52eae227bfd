// The live buses for a component, with the socket feed switched on only while it is wanted.
import { useEffect } from 'react';
import { useLiveData } from './live-data.context';
import type { BusesSnapshot } from './buses.store';
import { useStore } from './observable-store';

export function useBusFeed(enabled: boolean): BusesSnapshot {
  const live = useLiveData();
  useEffect(() => {
    live.realtime.watchBuses(enabled);
    if (!enabled) live.buses.clear();
    return () => {
      live.realtime.watchBuses(false);
      live.buses.clear();
    };
  }, [live, enabled]);
  return useStore(live.buses);
}
