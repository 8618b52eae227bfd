// The province's districts for filters, from the basemap layer the map loads too (one request per page).
import { useEffect, useState } from 'react';
import { fetchBasemap } from '../api/basemap.api';
import { createDistrictIndex, type DistrictIndex } from '../format/district-index';

export function useDistricts(): DistrictIndex | null {
  const [index, setIndex] = useState<DistrictIndex | null>(null);
  useEffect(() => {
    let current = true;
    fetchBasemap('districts')
      .then((collection) => current && setIndex(createDistrictIndex(collection)))
      .catch((error: unknown) => current && console.warn('districts: load failed', error));
    return () => {
      current = false;
    };
  }, []);
  return index;
}
