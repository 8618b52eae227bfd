// The sightings of the last 24 hours, newest first: how many elephants, from which trap or camera, and when.
import { useTranslation } from 'react-i18next';
import type { Camera, Event } from '@toc/server/schemas';
import { eventStatusKey } from '../format/labels';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { elephantCount } from './elephant-situation';
import { sightingSource } from './elephant-labels';

interface SightingsListProps {
  sightings: readonly Event[];
  cameras: ReadonlyMap<number, Camera>;
  selectedId: number | null;
  onSelect: (sighting: Event) => void;
}

export function SightingsList({ sightings, cameras, selectedId, onSelect }: SightingsListProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="panel-section" aria-labelledby="elephant-sightings-title">
      <h2 className="panel-title" id="elephant-sightings-title">
        {t('elephants.sightings.title')}
      </h2>
      {sightings.length === 0 && <p className="panel-note">{t('elephants.sightings.none')}</p>}
      <ol className="elephant-sightings" data-testid="sightings-list">
        {sightings.map((s) => {
          const source = sightingSource(s, cameras, language);
          return (
            <li key={s.id} data-testid="sighting-item" data-event-id={s.id} className={s.id === selectedId ? 'selected' : undefined}>
              <button type="button" className="sighting-button" aria-pressed={s.id === selectedId} onClick={() => onSelect(s)}>
                <span className="sighting-count">{t('elephants.sightings.count', { animals: formatNumber(elephantCount(s), language) })}</span>
                <span>{t(source.key, { name: source.name })}</span>
                <span className="event-meta">
                  {t('elephants.sightings.times', { first: formatDateTime(s.startedAt, language), last: formatDateTime(s.updatedAt, language) })}
                  {' · '}
                  {t(eventStatusKey(s.status))}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
