// Loads the route lines and stops once the bus layer is on, and indexes stops for the popups.
import { useEffect, useState } from 'react';
import { fetchTransitRoutes, fetchTransitStops, type TransitRoute, type TransitStop } from './transit.api';

export interface TransitNetwork {
  routes: TransitRoute[];
  stops: TransitStop[];
  /** `<feedId>:<stopId>` → stop. */
  stopsByKey: ReadonlyMap<string, TransitStop>;
}

export const networkStopKey = (feedId: number, stopId: string) => `${feedId}:${stopId}`;

export function useTransitNetwork(enabled: boolean): TransitNetwork | null {
  const [network, setNetwork] = useState<TransitNetwork | null>(null);
  useEffect(() => {
    if (!enabled || network) return;
    const abort = new AbortController();
    Promise.all([fetchTransitRoutes(abort.signal), fetchTransitStops(abort.signal)])
      .then(([routes, stops]) => {
        const stopsByKey = new Map(stops.map((stop) => [networkStopKey(stop.feedId, stop.stopId), stop]));
        setNetwork({ routes, stops, stopsByKey });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) console.warn('transit network: load failed', error);
      });
    return () => abort.abort();
  }, [enabled, network]);
  return network;
}
