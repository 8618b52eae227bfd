// Search box over the map: cameras by Thai or English name, districts, sub-districts, villages and roads;
// choosing a result flies the map there and outlines a district or sub-district.
import { useTranslation } from 'react-i18next';
import type { Camera, Place } from '@toc/server/schemas';
import type { Language } from '../../i18n/i18n';
import { useMapContext } from '../map-context';
import { showTarget } from '../search/fly-to-target';
import { clearFoundArea } from '../layers/found-area.layer';
import { SearchBox } from '../search/search-box';
import { nameIn, type SearchEntry } from '../search/search-index';
import { useSearchIndex } from '../search/use-search-index';

interface MapSearchProps {
  cameras: readonly Camera[];
  villages: readonly Place[];
  language: Language;
}

export function MapSearch({ cameras, villages, language }: MapSearchProps) {
  const { t } = useTranslation();
  const { map, basemap } = useMapContext();
  const index = useSearchIndex(cameras, villages, basemap);

  const choose = (entry: SearchEntry) => {
    if (map) showTarget(map, entry.target, nameIn(entry.name, language));
  };

  return (
    <SearchBox
      index={index}
      language={language}
      onChoose={choose}
      onClear={() => map && clearFoundArea(map)}
      label={t('mapSearch.label')}
      placeholder={t('mapSearch.placeholder')}
      testId="map-search"
      resultTestId="map-search-result"
      disabled={!map}
    />
  );
}
