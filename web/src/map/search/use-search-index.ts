// React hook: the map search's index over cameras, villages and the basemap's districts, sub-districts and roads.
import { useMemo } from 'react';
import i18next from 'i18next';
import type { Camera, Place } from '@toc/server/schemas';
import type { BasemapData } from '../layers/basemap.layer';
import { buildSearchIndex, type SearchEntry } from './search-index';

const ROAD_CLASSES = ['motorway', 'trunk', 'primary'] as const;

export function useSearchIndex(cameras: readonly Camera[], villages: readonly Place[], basemap: BasemapData | null): SearchEntry[] {
  return useMemo(() => {
    // Road class names in both languages, whatever the UI language is now.
    const roadClassNames = Object.fromEntries(
      ROAD_CLASSES.map((c) => [c, { th: i18next.t(`mapSearch.road.${c}`, { lng: 'th' }), en: i18next.t(`mapSearch.road.${c}`, { lng: 'en' }) }]),
    );
    return buildSearchIndex({
      cameras,
      villages,
      districts: basemap?.districts ?? null,
      subdistricts: basemap?.subdistricts ?? null,
      roads: basemap?.roads ?? null,
      roadClassNames,
    });
  }, [cameras, villages, basemap]);
}
