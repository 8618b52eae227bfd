// Feeds the live crash layer (last 24 hours) while it is switched on. Renders nothing; lives inside MapView.
import type { Event } from '@toc/server/schemas';
import { useEffect } from 'react';
import { useLiveCrashes } from './data/use-live-crashes';
import { setCrashes24h } from './layers/crashes-24h.layer';
import { useMapContext } from './map-context';

export function LiveCrashesOnMap({ visible, events }: { visible: boolean; events: readonly Event[] }) {
  const { map } = useMapContext();
  const crashes = useLiveCrashes(visible, events);
  useEffect(() => {
    if (map) setCrashes24h(map, crashes);
  }, [map, crashes]);
  return null;
}
