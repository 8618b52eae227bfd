// The herds' movement paths, read again whenever an elephant sighting is new or changed.
import { useEffect, useMemo, useState } from 'react';
import type { ElephantPath, Event } from '@toc/server/schemas';
import { fetchElephantPaths } from '../api/elephants.api';

export function useElephantPaths(events: readonly Event[]): ElephantPath[] {
  const [paths, setPaths] = useState<ElephantPath[]>([]);
  // A sighting that extends a path takes a new seq, so the newest sighting seq says when to reload.
  const sightingsVersion = useMemo(
    () => events.reduce((max, e) => (e.type === 'elephant.sighting' ? Math.max(max, e.seq) : max), 0),
    [events],
  );
  useEffect(() => {
    const abort = new AbortController();
    fetchElephantPaths(abort.signal).then(setPaths, () => undefined);
    return () => abort.abort();
  }, [sightingsVersion]);
  return paths;
}
