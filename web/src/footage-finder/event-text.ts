// An event near the place in words: its type, severity, time (Bangkok) and distance from the place.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES, SEVERITIES, type EventType, type NearEvent, type Severity } from '@toc/server/schemas';
import { eventTypeKey, severityKey } from '../format/labels';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

const isEventType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type);
const isSeverity = (severity: string): severity is Severity =>
  (SEVERITIES as readonly string[]).includes(severity);

/** A stable function while the language stays, so map markers made with it are not remade on every render. */
export function useEventText(): (event: NearEvent) => string {
  const { t } = useTranslation();
  const language = useLanguage();
  return useCallback(
    (event: NearEvent) =>
      t('finder.event', {
        type: isEventType(event.type) ? t(eventTypeKey(event.type)) : event.type,
        severity: isSeverity(event.severity) ? t(severityKey(event.severity)) : event.severity,
        time: formatDateTime(event.startedAt, language),
        distance: formatNumber(Math.round(event.distanceM), language),
      }),
    [t, language],
  );
}
