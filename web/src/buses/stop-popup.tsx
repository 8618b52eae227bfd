// The popup of one bus stop: its Thai and English names, the next arrivals (live), and a link to its public sign.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StopArrival } from '@toc/server/schemas';
import { useLanguage } from '../i18n/use-language';
import type { LiveDataService } from '../state/live-data.service';
import { useStore } from '../state/observable-store';
import { stopKey } from '../state/stop-arrivals.store';
import { arrivalWhen, upcoming } from './arrival-time';
import { RouteBadge } from './route-badge';
import { fetchStopArrivals, localName, type TransitStop } from './transit.api';

const SHOWN = 5;

interface StopPopupProps {
  stop: TransitStop;
  live: LiveDataService;
}

function ArrivalTime({ arrival, now }: { arrival: StopArrival; now: number }) {
  const { t } = useTranslation();
  const when = arrivalWhen(arrival.predictedAt, now);
  if (when.kind === 'now') return <>{t('buses.arrival.now')}</>;
  if (when.kind === 'due') return <>{t('buses.arrival.due')}</>;
  return <>{t('buses.arrival.minutes', { n: when.minutes })}</>;
}

/** Follows the stop over the socket while the popup is open; the REST reply fills it at once. */
function useStopArrivals(live: LiveDataService, feedId: number, stopId: string): 'loading' | 'ready' | 'failed' {
  const [status, setStatus] = useState<'loading' | 'ready' | 'failed'>('loading');
  useEffect(() => {
    const abort = new AbortController();
    live.realtime.watchStops([{ feedId, stopId }]);
    fetchStopArrivals(feedId, stopId, abort.signal)
      .then((message) => {
        live.stopArrivals.apply([message]);
        setStatus('ready');
      })
      .catch(() => {
        if (!abort.signal.aborted) setStatus('failed');
      });
    return () => {
      abort.abort();
      live.realtime.watchStops([]);
    };
  }, [live, feedId, stopId]);
  return status;
}

export function StopPopup({ stop, live }: StopPopupProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useStopArrivals(live, stop.feedId, stop.stopId);
  const message = useStore(live.stopArrivals).get(stopKey(stop.feedId, stop.stopId));
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, []);
  const arrivals = message ? upcoming(message.arrivals, now, SHOWN) : [];
  const signHref = `stop/${encodeURIComponent(stop.stopId)}?feed=${stop.feedId}`;

  return (
    <div className="stop-popup" data-testid="stop-popup" data-stop-id={stop.stopId}>
      <h3>{t('buses.stop.title')}</h3>
      <p className="stop-popup-name" lang="th">
        {stop.names.th ?? stop.name}
      </p>
      <p className="stop-popup-name" lang="en">
        {stop.names.en ?? stop.name}
      </p>
      <h4>{t('buses.stop.arrivals')}</h4>
      {!message && status === 'loading' && <p className="panel-note">{t('common.loading')}</p>}
      {!message && status === 'failed' && <p className="panel-note">{t('buses.stop.failed')}</p>}
      {message && arrivals.length === 0 && <p className="panel-note">{t('buses.stop.none')}</p>}
      {arrivals.length > 0 && (
        <ul className="stop-arrivals" data-testid="stop-arrivals">
          {arrivals.map((arrival) => (
            <li key={`${arrival.tripId}:${arrival.predictedAt}`}>
              <RouteBadge name={arrival.routeShortName ?? arrival.routeId} color={arrival.routeColor} />
              <span className="stop-arrival-headsign">{localName(arrival.headsignTranslations, arrival.headsign ?? '', language)}</span>
              <span className="stop-arrival-time">
                <ArrivalTime arrival={arrival} now={now} />
                {arrival.source === 'schedule' && <small title={t('buses.arrival.scheduledHint')}> {t('buses.arrival.scheduled')}</small>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a href={signHref} target="_blank" rel="noreferrer" data-testid="stop-popup-sign">
        {t('buses.stop.sign')}
      </a>
    </div>
  );
}
