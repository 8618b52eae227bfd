// The replayed bus's stop calls (arrival and departure at each stop, against the timetable); a row moves the replay there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VehicleStopCall } from '@toc/server/schemas';
import { ApiError } from '../api/api-error';
import { formatTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { fetchStopCalls } from './buses.api';
import { DelayText } from './delay-text';
import { localName } from './transit.api';

interface StopCallsTableProps {
  vehicleId: number;
  from: Date;
  to: Date;
  /** The replay clock, to mark the call the bus last made. */
  replayMs: number;
  onSeek: (ms: number) => void;
}

type CallsLoad = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; calls: VehicleStopCall[] };

/** When the call began: the arrival, or the departure when the bus was first seen already at the stop. */
const callStartMs = (call: VehicleStopCall) => Date.parse(call.arrivedAt ?? call.departedAt!);

export function StopCallsTable({ vehicleId, from, to, replayMs, onSeek }: StopCallsTableProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [load, setLoad] = useState<CallsLoad>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    fetchStopCalls(vehicleId, from, to, abort.signal)
      .then((reply) => setLoad({ status: 'ready', calls: reply.calls }))
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoad({ status: 'failed', error });
      });
    return () => abort.abort();
  }, [vehicleId, from, to]);

  if (load.status === 'loading') return <p className="panel-note">{t('common.loading')}</p>;
  if (load.status === 'failed') {
    return (
      <p className="event-error" role="alert" data-testid="stop-calls-failed">
        {load.error instanceof ApiError ? load.error.localizedMessage(language) : t('buses.calls.failed')}
      </p>
    );
  }
  if (load.calls.length === 0) return <p className="panel-note" data-testid="stop-calls-empty">{t('buses.calls.empty')}</p>;
  const lastMade = load.calls.findLastIndex((call) => callStartMs(call) <= replayMs);
  return (
    <table className="stop-calls" data-testid="stop-calls">
      <caption>{t('buses.calls.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('buses.calls.arrived')}</th>
          <th scope="col">{t('buses.calls.stop')}</th>
          <th scope="col">{t('buses.calls.scheduled')}</th>
          <th scope="col">{t('buses.calls.delay')}</th>
        </tr>
      </thead>
      <tbody>
        {load.calls.map((call, index) => (
          <tr
            key={`${call.tripId}:${call.stopSequence}:${call.arrivedAt ?? call.departedAt}`}
            className={index === lastMade ? 'current' : undefined}
            data-testid="stop-call"
            data-stop-id={call.stopId}
          >
            <td>
              <button type="button" className="link-button" title={t('buses.calls.seek')} onClick={() => onSeek(callStartMs(call))}>
                {call.arrivedAt
                  ? formatTime(call.arrivedAt, language)
                  : `${t('buses.calls.departed')} ${formatTime(call.departedAt!, language)}`}
              </button>
              {call.arrivedAt && call.departedAt && (
                <small>
                  {t('buses.calls.departed')} {formatTime(call.departedAt, language)}
                </small>
              )}
            </td>
            <td>{localName(call.translations, call.stopName, language)}</td>
            <td>{formatTime(call.scheduledArrival, language)}</td>
            <td>
              <DelayText delayS={call.delayS} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
