// Crowd zones with their latest density, read while the layer is shown: again whenever a crowd event is new or
// changed, and every 10 s (counts are stored each interval without an event).
import { useEffect, useMemo, useState } from 'react';
import type { CrowdZoneCollection, Event } from '@toc/server/schemas';
import { fetchCrowdZones } from './map-data.api';

const REFRESH_MS = 10_000;

export function useCrowdZones(enabled: boolean, events: readonly Event[]): CrowdZoneCollection | null {
  const [zones, setZones] = useState<CrowdZoneCollection | null>(null);
  // A crowd event takes a new seq whenever it changes, so the newest one says when to read again.
  const crowdVersion = useMemo(
    () => events.reduce((max, e) => (e.type === 'crowd.count' || e.type === 'crowd.alert' ? Math.max(max, e.seq) : max), 0),
    [events],
  );

  useEffect(() => {
    if (!enabled) return;
    let abort = new AbortController();
    const load = () => {
      abort.abort();
      abort = new AbortController();
      fetchCrowdZones(abort.signal).then(setZones, () => undefined);
    };
    load();
    const timer = setInterval(() => {
      if (!document.hidden) load();
    }, REFRESH_MS);
    return () => {
      clearInterval(timer);
      abort.abort();
    };
  }, [enabled, crowdVersion]);

  return enabled ? zones : null;
}
