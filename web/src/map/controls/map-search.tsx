// Search box over the map: cameras by Thai or English name, districts, sub-districts, villages and roads;
// choosing a result (click, or arrows and Enter) flies the map there.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, Place } from '@toc/server/schemas';
import i18next from 'i18next';
import type { Language } from '../../i18n/i18n';
import { useMapContext } from '../map-context';
import { flyToTarget } from '../search/fly-to-target';
import { clearFoundArea, showFoundArea } from '../layers/found-area.layer';
import { buildSearchIndex, searchPlaces, type BilingualName, type SearchEntry } from '../search/search-index';

const ROAD_CLASSES = ['motorway', 'trunk', 'primary'] as const;

interface MapSearchProps {
  cameras: readonly Camera[];
  villages: readonly Place[];
  language: Language;
}

const inLanguage = (name: BilingualName, language: Language) => (language === 'th' ? name.th || name.en : name.en || name.th);

export function MapSearch({ cameras, villages, language }: MapSearchProps) {
  const { t } = useTranslation();
  const { map, basemap } = useMapContext();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();

  const index = useMemo(() => {
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
  const results = useMemo(() => searchPlaces(index, query), [index, query]);

  const choose = (entry: SearchEntry | undefined) => {
    if (!entry || !map) return;
    flyToTarget(map, entry.target);
    if ('outline' in entry.target && entry.target.outline) showFoundArea(map, entry.target.outline, inLanguage(entry.name, language));
    else clearFoundArea(map);
    setQuery(inLanguage(entry.name, language));
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter') choose(results[active]);
    else if (e.key === 'Escape') setOpen(false);
    else return;
    e.preventDefault();
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="map-search" role="search">
      <input
        type="search"
        value={query}
        placeholder={t('mapSearch.placeholder')}
        aria-label={t('mapSearch.label')}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        data-testid="map-search"
        disabled={!map}
        onChange={(e) => {
          setQuery(e.target.value);
          if (e.target.value.trim() === '' && map) clearFoundArea(map);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" className="map-search-results" aria-label={t('mapSearch.label')}>
          {results.length === 0 && <li className="map-search-none">{t('mapSearch.none')}</li>}
          {results.map((entry, i) => (
            <li
              key={entry.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="map-search-result"
              data-testid="map-search-result"
              data-kind={entry.kind}
              // Before the input's blur, so the click is not lost when the list closes.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(entry);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="result-name">{inLanguage(entry.name, language)}</span>
              <span className="result-kind">
                {t(`mapSearch.kind.${entry.kind}`)}
                {entry.context && ` · ${inLanguage(entry.context, language)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
