// One elephant warning in force: how many elephants, when and where, the places warned, and the operator's actions.
import { useTranslation } from 'react-i18next';
import type { Event } from '@toc/server/schemas';
import { useEventAction, type EventActionHandler } from '../components/use-event-action';
import { eventStatusKey } from '../format/labels';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { elephantCount, warnedPlaces, warningRadiusM } from './elephant-situation';
import { WarnedPlacesTable } from './warned-places-table';
import { ActionError } from '../components/action-error';

interface WarningCardProps {
  warning: Event;
  /** "Camera trap: …" for the sighting that raised it. */
  source: string;
  selected: boolean;
  canAct: boolean;
  onAction: EventActionHandler;
  onSelect: (warning: Event) => void;
  onShowOnMap: (warning: Event) => void;
}

export function WarningCard({ warning, source, selected, canAct, onAction, onSelect, onShowOnMap }: WarningCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { pending, error, run } = useEventAction(warning, onAction);
  const places = warnedPlaces(warning);

  return (
    <li
      className={`warning-card${selected ? ' selected' : ''}`}
      data-testid="warning-card"
      data-event-id={warning.id}
      data-status={warning.status}
    >
      <div className="warning-card-header">
        <h3>
          {t('elephants.warning.heading', {
            animals: formatNumber(elephantCount(warning), language),
            km: formatNumber(warningRadiusM(warning) / 1000, language),
            n: formatNumber(places.length, language),
          })}
        </h3>
        <span className={`status-tag status-${warning.status}`} data-testid="warning-status">
          {t(eventStatusKey(warning.status))}
        </span>
      </div>
      <dl className="detail-facts">
        <dt>{t('elephants.warning.seen')}</dt>
        <dd data-testid="warning-time">{formatDateTime(warning.startedAt, language)}</dd>
        <dt>{t('elephants.warning.where')}</dt>
        <dd>{source}</dd>
      </dl>
      {warning.acknowledgedBy && warning.acknowledgedAt && (
        <p className="panel-note">
          {t('elephants.warning.acknowledgedBy', { name: warning.acknowledgedBy, at: formatDateTime(warning.acknowledgedAt, language) })}
        </p>
      )}
      <WarnedPlacesTable places={places} />
      <div className="event-actions">
        <button
          type="button"
          className="button secondary"
          aria-pressed={selected}
          onClick={() => onSelect(warning)}
          data-testid="warning-select"
        >
          {selected ? t('elephants.warning.selected') : t('elephants.warning.details')}
        </button>
        <button type="button" className="button ghost" onClick={() => onShowOnMap(warning)} data-testid="warning-show-on-map">
          {t('elephants.warning.showOnMap')}
        </button>
        {canAct && warning.status === 'open' && (
          <button
            type="button"
            className="button"
            disabled={pending !== null}
            onClick={() => void run('acknowledge')}
            data-testid="warning-acknowledge"
          >
            {t('events.acknowledge')}
          </button>
        )}
      </div>
      <ActionError error={error} />
    </li>
  );
}
