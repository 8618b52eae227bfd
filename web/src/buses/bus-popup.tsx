// The popup of one live bus: fleet number, route, headsign, speed, delay, next stop, age of the last fix, replay.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusState } from '@toc/server/schemas';
import { formatNumber } from '../i18n/format';
import { useNow } from '../state/use-now';
import { useLanguage } from '../i18n/use-language';
import type { BusesStore } from '../state/buses.store';
import { useStore } from '../state/observable-store';
import { formatAgo } from '../wall/time-ago';
import { DelayText } from './delay-text';
import { RouteBadge } from './route-badge';
import { localName } from './transit.api';
import { networkStopKey, type TransitNetwork } from './use-transit-network';

interface BusPopupProps {
  vehicleId: number;
  buses: BusesStore;
  network: TransitNetwork | null;
  /** Keeps the popup on the bus as it moves. */
  onMove: (lon: number, lat: number) => void;
  onReplay: (vehicleId: number) => void;
}

function NextStop({ bus, network }: { bus: BusState; network: TransitNetwork | null }) {
  const language = useLanguage();
  if (bus.nextStopId === null || bus.feedId === null) return <>—</>;
  const stop = network?.stopsByKey.get(networkStopKey(bus.feedId, bus.nextStopId));
  return <>{stop ? localName(stop.names, stop.name, language) : bus.nextStopId}</>;
}

export function BusPopup({ vehicleId, buses, network, onMove, onReplay }: BusPopupProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(5_000);
  const bus = useStore(buses).byId.get(vehicleId);
  useEffect(() => {
    if (bus) onMove(bus.lon, bus.lat);
  }, [bus, onMove]);

  if (!bus) return <p className="bus-popup" data-testid="bus-popup">{t('buses.popup.gone')}</p>;
  return (
    <div className="bus-popup" data-testid="bus-popup" data-vehicle-id={bus.vehicleId}>
      <h3>
        {t('buses.popup.bus', { label: bus.label })}
        {bus.electric && <span className="bus-electric-tag">⚡ {t('buses.popup.electric')}</span>}
      </h3>
      <p className="bus-popup-route">
        {bus.routeShortName ? <RouteBadge name={bus.routeShortName} color={bus.routeColor} /> : t('buses.popup.noRoute')}
        {bus.headsign && <span className="bus-popup-headsign">→ {bus.headsign}</span>}
      </p>
      <dl className="bus-popup-facts">
        <dt>{t('buses.popup.state')}</dt>
        <dd data-testid="bus-popup-state">{t(`buses.state.${bus.state}`)}</dd>
        <dt>{t('buses.popup.speed')}</dt>
        <dd>{bus.speedKmh === null ? '—' : t('buses.popup.speedValue', { n: formatNumber(Math.round(bus.speedKmh), language) })}</dd>
        <dt>{t('buses.popup.delay')}</dt>
        <dd>
          <DelayText delayS={bus.delayS} />
        </dd>
        <dt>{t('buses.popup.nextStop')}</dt>
        <dd>
          <NextStop bus={bus} network={network} />
        </dd>
        <dt>{t('buses.popup.lastFix')}</dt>
        <dd>{formatAgo(bus.fixTime, now, language)}</dd>
      </dl>
      <button type="button" className="button ghost" data-testid="bus-popup-replay" onClick={() => onReplay(bus.vehicleId)}>
        {t('buses.popup.replay')}
      </button>
    </div>
  );
}
