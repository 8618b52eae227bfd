// The province's districts for filters, loaded once per page from the basemap (the browser caches it for an hour).
import { useEffect, useState } from 'react';
import { fetchBasemap } from '../api/basemap.api';
import { createDistrictIndex, type DistrictIndex } from '../format/district-index';

export function useDistricts(): DistrictIndex | null {
  const [index, setIndex] = useState<DistrictIndex | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    fetchBasemap('districts', abort.signal)
      .then((collection) => setIndex(createDistrictIndex(collection)))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) console.warn('districts: load failed', error);
      });
    return () => abort.abort();
  }, []);
  return index;
}
