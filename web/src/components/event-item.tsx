// One row of the event list: type, severity, camera, time, vehicle counts, status and actions.
import { useTranslation } from 'react-i18next';
import type { Camera, Event } from '@toc/server/schemas';
import { formatDateTime, formatListTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { eventStatusKey, eventTypeKey, severityKey } from '../format/labels';
import { EVENT_TYPE_COLORS } from '../map/palette';
import { VehicleCounts } from './vehicle-counts';
import { useEventAction, type EventActionHandler } from './use-event-action';
import { ActionError } from './action-error';
import { trapNameOf } from '../format/trap-name';

interface EventItemProps {
  event: Event;
  camera: Camera | undefined;
  canAct: boolean;
  onAction: EventActionHandler;
  onSelect: (event: Event) => void;
  onOpen: (event: Event) => void;
  /** The list's clock: a time from another day shows that day. */
  now: number;
}

export function EventItem({ event, camera, canAct, onAction, onSelect, onOpen, now }: EventItemProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { pending, error, run } = useEventAction(event, onAction);

  const cameraName = camera
    ? language === 'th'
      ? camera.nameTh
      : camera.name
    : event.cameraId === null
      ? (trapNameOf(event, language) ?? t('events.noCamera'))
      : t('events.unknownCamera', { id: formatNumber(event.cameraId, language) });
  const canAcknowledge = canAct && event.status === 'open';
  const canResolve = canAct && (event.status === 'open' || event.status === 'acknowledged');

  return (
    <li
      className={`event-item status-${event.status} severity-${event.severity}`}
      data-testid="event-item"
      data-event-id={event.id}
      data-event-type={event.type}
      data-status={event.status}
      data-severity={event.severity}
      style={{ borderInlineStartColor: EVENT_TYPE_COLORS[event.type] }}
    >
      <div className="event-row">
        <span className="event-type">{t(eventTypeKey(event.type))}</span>
        <span className={`severity-tag severity-${event.severity}`}>{t(severityKey(event.severity))}</span>
        <span className={`status-tag status-${event.status}`} data-testid="event-status">
          {t(eventStatusKey(event.status))}
        </span>
        {event.escalatedAt && (
          <span className="escalated-tag" data-testid="event-escalated" title={formatDateTime(event.escalatedAt, language)}>
            {t('events.escalated')}
          </span>
        )}
        {event.occurrences > 1 && (
          <span
            className="occurrences-tag"
            data-testid="event-occurrences"
            title={t('events.occurrencesTitle', {
              n: formatNumber(event.occurrences, language),
              last: formatDateTime(event.lastRaisedAt, language),
            })}
          >
            {t('events.occurrences', { n: formatNumber(event.occurrences, language) })}
          </span>
        )}
      </div>
      <div className="event-row event-meta">
        <span className="event-camera">{cameraName}</span>
        <time dateTime={event.startedAt} title={formatDateTime(event.startedAt, language)}>
          {formatListTime(event.startedAt, language, new Date(now))}
        </time>
      </div>
      <VehicleCounts event={event} />
      <div className="event-actions">
        <button type="button" className="button ghost" onClick={() => onOpen(event)} data-testid="event-open">
          {t('events.details')}
        </button>
        {event.location && (
          <button type="button" className="button ghost" onClick={() => onSelect(event)} data-testid="event-locate">
            {t('events.showOnMap')}
          </button>
        )}
        {canAcknowledge && (
          <button
            type="button"
            className="button"
            disabled={pending !== null}
            onClick={() => void run('acknowledge')}
            data-testid="event-acknowledge"
          >
            {t('events.acknowledge')}
          </button>
        )}
        {canResolve && (
          <button
            type="button"
            className="button secondary"
            disabled={pending !== null}
            onClick={() => void run('resolve')}
            data-testid="event-resolve"
          >
            {t('events.resolve')}
          </button>
        )}
      </div>
      <ActionError error={error} />
    </li>
  );
}
