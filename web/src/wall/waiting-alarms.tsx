// "+N more" on the takeover tile: the other open critical alarms, each one a button that puts it on the large tile.
import { useTranslation } from 'react-i18next';
import type { Camera, Event } from '@toc/server/schemas';
import { eventTypeKey, severityKey } from '../format/labels';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { eventPlace, sightingIdOf } from './event-text';
import { MoreList } from './more-list';

interface WaitingAlarmsProps {
  /** In priority order, without the one on the large tile. */
  waiting: readonly Event[];
  cameras: ReadonlyMap<number, Camera>;
  events: ReadonlyMap<number, Event>;
  onShow: (eventId: number) => void;
}

export function WaitingAlarms({ waiting, cameras, events, onShow }: WaitingAlarmsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const placeOf = (event: Event) => {
    const sightingId = sightingIdOf(event);
    const camera = event.cameraId === null ? undefined : cameras.get(event.cameraId);
    return eventPlace(event, camera, language, sightingId === null ? undefined : events.get(sightingId)) ?? t('events.noCamera');
  };

  return (
    <MoreList
      label={t('wall.more', { n: formatNumber(waiting.length, language) })}
      heading={t('wall.waitingTitle', { n: formatNumber(waiting.length, language) })}
      hint={t('wall.waitingHint')}
      count={waiting.length}
      testId="takeover-more"
      className="takeover-more"
    >
      {(close) =>
        waiting.map((event) => (
          <li key={event.id}>
            <button
              type="button"
              className="wall-more-item"
              onClick={() => {
                onShow(event.id);
                close();
              }}
              data-testid="takeover-more-item"
              data-event-id={event.id}
            >
              <span className="wall-more-item-title">
                {t(eventTypeKey(event.type))} <span className={`severity-tag severity-${event.severity}`}>{t(severityKey(event.severity))}</span>
              </span>
              <span className="wall-more-item-place">{placeOf(event)}</span>
              <time className="wall-more-item-time" dateTime={event.startedAt}>
                {formatDateTime(event.startedAt, language)}
              </time>
            </button>
          </li>
        ))
      }
    </MoreList>
  );
}
