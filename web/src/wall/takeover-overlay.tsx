// The event banner over the takeover tile: what, how severe, where, when (Bangkok time) and how long ago,
// the places warned, "+N more" (the list of the other open alarms), and the acknowledge button for operators.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, Event } from '@toc/server/schemas';
import { WarnedPlaces } from '../components/warned-places';
import { eventTypeKey, severityKey } from '../format/labels';
import { formatDateTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { eventPlace, payloadText } from './event-text';
import { formatAgo } from './time-ago';
import { warnedPlaces } from '../format/warned-places';

interface TakeoverOverlayProps {
  event: Event;
  camera: Camera | undefined;
  sighting: Event | undefined;
  /** The "+N more" button of the open critical events waiting behind this one; null when none wait. */
  more: ReactNode;
  /** Null when the user may not acknowledge. */
  onAcknowledge: (() => void) | null;
  pending: boolean;
  error: string | null;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function TakeoverOverlay({ event, camera, sighting, more, onAcknowledge, pending, error }: TakeoverOverlayProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(5_000);
  const type = t(eventTypeKey(event.type));
  const title = payloadText(event.payload.title, language);
  const place = eventPlace(event, camera, language, sighting) ?? t('events.noCamera');
  const places = warnedPlaces(event);

  return (
    <div className="takeover-overlay" data-testid="takeover-overlay">
      <div className="takeover-head">
        <span className="takeover-type" data-testid="takeover-type">
          {type}
        </span>
        <span className={`severity-tag severity-${event.severity}`}>{t(severityKey(event.severity))}</span>
        {more}
      </div>
      {title && title !== type && <p className="takeover-title">{title}</p>}
      <p className="takeover-place" data-testid="takeover-place">
        {place}
      </p>
      <p className="takeover-time">
        <time dateTime={event.startedAt} data-testid="takeover-time">
          {formatDateTime(event.startedAt, language)}
        </time>
        <span className="takeover-ago"> · {formatAgo(event.startedAt, now, language)}</span>
      </p>
      {places.length > 0 && <WarnedPlaces places={places} />}
      {onAcknowledge && (
        <div className="takeover-actions">
          <button type="button" className="button takeover-acknowledge" disabled={pending} onClick={onAcknowledge} data-testid="takeover-acknowledge">
            {t('wall.acknowledge')}
          </button>
        </div>
      )}
      {error && (
        <p className="takeover-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
