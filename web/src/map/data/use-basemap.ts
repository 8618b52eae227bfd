// React hook: the basemap layers (districts, sub-districts, roads) outside a map, null until they arrive.
import { useEffect, useState } from 'react';
import type { BasemapData } from '../layers/basemap.layer';
import { loadBasemap } from '../load-basemap';

export function useBasemap(): BasemapData | null {
  const [basemap, setBasemap] = useState<BasemapData | null>(null);
  useEffect(() => {
    // One request per layer per page: a map on the same page shares it.
    const abort = new AbortController();
    void loadBasemap(abort.signal).then(({ data }) => {
      if (!abort.signal.aborted) setBasemap(data);
    });
    return () => abort.abort();
  }, []);
  return basemap;
}
