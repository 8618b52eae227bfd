// Feeds the map's bus layers while they are switched on: live buses from the socket, route lines and stops from
// the transit API, and the popups on click. Renders nothing itself; lives inside MapView (map from context).
import { useEffect, useMemo, useState } from 'react';
import { setBusRoutes } from '../map/layers/bus-routes.layer';
import { setBusStops } from '../map/layers/bus-stops.layer';
import { setBuses } from '../map/layers/buses.layer';
import { useMapContext } from '../map/map-context';
import { useLiveData } from '../state/live-data.context';
import { useBusFeed } from '../state/use-bus-feed';
import { busToPosition } from './bus-position';
import { useBusMapClicks } from './use-bus-map-clicks';
import './buses.css';
import { useTransitNetwork } from './use-transit-network';

/** How often a quiet map re-checks which buses have gone stale. */
const STALE_CHECK_MS = 15_000;

export function BusesOnMap({ visible, onReplay }: { visible: boolean; onReplay: (vehicleId: number) => void }) {
  const { map } = useMapContext();
  const live = useLiveData();
  const buses = useBusFeed(visible);
  const network = useTransitNetwork(visible);
  const [now, setNow] = useState(Date.now);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), STALE_CHECK_MS);
    return () => clearInterval(timer);
  }, []);

  // `now` only re-runs this on the stale check; each run reads the clock afresh.
  const positions = useMemo(() => [...buses.byId.values()].map((bus) => busToPosition(bus, Math.max(now, Date.now()))), [buses, now]);

  // Each bus reports every few seconds, so with a fleet some bus moves in every realtime flush: the map applies
  // them on its live beats (see live-update-pacer).
  useEffect(() => {
    if (map) setBuses(map, positions);
  }, [map, positions]);

  useEffect(() => {
    if (!map || !network) return;
    setBusRoutes(map, network.routes);
    setBusStops(map, network.stops);
  }, [map, network]);

  useBusMapClicks(map, { live, network, onReplay });
  return null;
}
