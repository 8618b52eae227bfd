// Imported villages for the map search, read once per map.
import { useEffect, useState } from 'react';
import type { Place } from '@toc/server/schemas';
import { fetchVillages } from './map-data.api';

export function useVillages(): readonly Place[] {
  const [villages, setVillages] = useState<readonly Place[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    fetchVillages(abort.signal).then(setVillages, () => undefined);
    return () => abort.abort();
  }, []);
  return villages;
}
