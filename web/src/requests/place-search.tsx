// The request form's place search: the operator map's search box and index (cameras, districts, sub-districts,
// villages, roads), with the basemap and villages read for the form.
import { useTranslation } from 'react-i18next';
import type { Camera } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import { useBasemap } from '../map/data/use-basemap';
import { useVillages } from '../map/data/use-villages';
import { SearchBox } from '../map/search/search-box';
import type { SearchEntry } from '../map/search/search-index';
import { useSearchIndex } from '../map/search/use-search-index';

interface PlaceSearchProps {
  cameras: readonly Camera[];
  onChoose: (entry: SearchEntry) => void;
}

export function PlaceSearch({ cameras, onChoose }: PlaceSearchProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const villages = useVillages();
  const basemap = useBasemap();
  const index = useSearchIndex(cameras, villages, basemap);
  return (
    <div className="request-field request-place-search">
      <span className="request-field-label" aria-hidden="true">
        {t('requests.place.search')}
      </span>
      <SearchBox
        index={index}
        language={language}
        onChoose={onChoose}
        label={t('requests.place.search')}
        placeholder={t('requests.place.searchPlaceholder')}
        testId="request-form-place-search"
        resultTestId="request-form-place-result"
      />
      <span className="request-field-hint">{t('requests.place.searchHint')}</span>
    </div>
  );
}
