// Place search combobox (the operator map's and the request form's): matches listed as the user types; a result is
// chosen by click, or arrows and Enter, and the input then shows its name.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/i18n';
import { nameIn, searchPlaces, type SearchEntry } from './search-index';
import './search-box.css';

interface SearchBoxProps {
  index: readonly SearchEntry[];
  language: Language;
  onChoose: (entry: SearchEntry) => void;
  /** The input was emptied. */
  onClear?: () => void;
  label: string;
  placeholder: string;
  testId: string;
  resultTestId: string;
  disabled?: boolean;
}

export function SearchBox({ index, language, onChoose, onClear, label, placeholder, testId, resultTestId, disabled }: SearchBoxProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const results = useMemo(() => searchPlaces(index, query), [index, query]);

  const choose = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    onChoose(entry);
    setQuery(nameIn(entry.name, language));
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
        placeholder={placeholder}
        aria-label={label}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          setQuery(e.target.value);
          if (e.target.value.trim() === '') onClear?.();
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" className="map-search-results" aria-label={label}>
          {results.length === 0 && <li className="map-search-none">{t('mapSearch.none')}</li>}
          {results.map((entry, i) => (
            <li
              key={entry.key}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="map-search-result"
              data-testid={resultTestId}
              data-kind={entry.kind}
              // Before the input's blur, so the click is not lost when the list closes.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(entry);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="result-name">{nameIn(entry.name, language)}</span>
              <span className="result-kind">
                {t(`mapSearch.kind.${entry.kind}`)}
                {entry.context && ` · ${nameIn(entry.context, language)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
