// One compact row of the alarm list: what and how severe, its status and count, where and when; the row opens
// the alarm (and shows it on the map), and an operator can acknowledge it from the row.
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
  onOpen: (event: Event) => void;
  /** The list's clock: a time from another day shows that day. */
  now: number;
}

export function EventItem({ event, camera, canAct, onAction, onOpen, now }: EventItemProps) {
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
  const canResolve = canAct && event.status === 'acknowledged';

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
      <button type="button" className="event-open" onClick={() => onOpen(event)} data-testid="event-open" title={t('events.details')}>
        <span className="event-row">
          <span className="event-type">{t(eventTypeKey(event.type))}</span>
          <span className={`severity-tag severity-${event.severity}`}>{t(severityKey(event.severity))}</span>
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
        </span>
        <span className="event-row event-meta">
          <span className="event-camera">{cameraName}</span>
          <time dateTime={event.startedAt} title={formatDateTime(event.startedAt, language)}>
            {formatListTime(event.startedAt, language, new Date(now))}
          </time>
        </span>
      </button>
      <span className="event-side">
        <span className={`status-tag status-${event.status}`} data-testid="event-status">
          {t(eventStatusKey(event.status))}
        </span>
        {event.assignedTo && (
          <span className="event-assignee" data-testid="event-assignee" title={t('detail.assignedTo')}>
            {t('events.assignedTo', { name: event.assignedTo })}
          </span>
        )}
        {canAcknowledge && (
          <button
            type="button"
            className="button compact"
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
            className="button secondary compact"
            disabled={pending !== null}
            onClick={() => void run('resolve')}
            data-testid="event-resolve"
          >
            {t('events.resolve')}
          </button>
        )}
      </span>
      <VehicleCounts event={event} />
      <ActionError error={error} />
    </li>
  );
}
