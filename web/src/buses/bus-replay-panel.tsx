// "Bus history": pick a bus and a period in Bangkok time, load its track, then replay it on the map.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/use-language';
import { useLiveData } from '../state/live-data.context';
import { useStore } from '../state/observable-store';
import { formatDateTime } from '../i18n/format';
import { fromBangkokInputs, REPLAY_PRESETS, replayPresetPeriod, toBangkokInputs, type ReplayPreset } from './bangkok-time';
import { fetchBuses, fetchVehicles } from './buses.api';
import { ReplayPlayer } from './replay-player';
import { useBusTrack } from './use-bus-track';

const DEFAULT_PERIOD_MS = 60 * 60_000;

interface BusReplayPanelProps {
  /** The bus to show first (from a bus popup), or null to choose. */
  vehicleId: number | null;
  onClose: () => void;
}

interface BusChoice {
  vehicleId: number;
  label: string;
  route: string | null;
}

/** The buses to choose from: the whole fleet where the role may read it, and every bus seen live. */
function useBusChoices(): BusChoice[] {
  const live = useLiveData();
  const liveBuses = useStore(live.buses);
  const [listed, setListed] = useState<BusChoice[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    const none = () => [];
    Promise.all([fetchVehicles(abort.signal).catch(none), fetchBuses(abort.signal).catch(none)])
      .then(([vehicles, buses]) =>
        setListed([
          ...vehicles.map((v) => ({ vehicleId: v.id, label: v.label, route: null })),
          ...buses.map((b) => ({ vehicleId: b.vehicleId, label: b.label, route: b.routeShortName })),
        ]),
      )
      .catch(() => undefined);
    return () => abort.abort();
  }, []);
  return useMemo(() => {
    const byId = new Map<number, BusChoice>();
    const add = (choice: BusChoice) => byId.set(choice.vehicleId, { ...choice, route: choice.route ?? byId.get(choice.vehicleId)?.route ?? null });
    listed.forEach(add);
    for (const bus of liveBuses.byId.values()) add({ vehicleId: bus.vehicleId, label: bus.label, route: bus.routeShortName });
    return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'th', { numeric: true }));
  }, [listed, liveBuses]);
}

export function BusReplayPanel({ vehicleId, onClose }: BusReplayPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const choices = useBusChoices();
  const [initial] = useState(() => ({ from: toBangkokInputs(new Date(Date.now() - DEFAULT_PERIOD_MS)), to: toBangkokInputs(new Date()) }));
  const [vehicle, setVehicle] = useState(vehicleId === null ? '' : String(vehicleId));
  // A date for each end: a night's replay runs across Bangkok midnight.
  const [fromDate, setFromDate] = useState(initial.from.date);
  const [fromTime, setFromTime] = useState(initial.from.time);
  const [toDate, setToDate] = useState(initial.to.date);
  const [toTime, setToTime] = useState(initial.to.time);
  const [formError, setFormError] = useState<string | null>(null);
  const [track, loadTrack] = useBusTrack(language);

  useEffect(() => {
    if (vehicleId !== null) setVehicle(String(vehicleId));
  }, [vehicleId]);

  const applyPreset = (preset: ReplayPreset) => {
    const { from, to } = replayPresetPeriod(preset, new Date());
    const [fromInputs, toInputs] = [toBangkokInputs(from), toBangkokInputs(to)];
    setFromDate(fromInputs.date);
    setFromTime(fromInputs.time);
    setToDate(toInputs.date);
    setToTime(toInputs.time);
  };
  // The chosen period as a Thai reader reads dates (Buddhist Era), whatever format the browser's date inputs use.
  const chosenFrom = fromBangkokInputs(fromDate, fromTime);
  const chosenTo = fromBangkokInputs(toDate, toTime);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = fromBangkokInputs(fromDate, fromTime);
    const to = fromBangkokInputs(toDate, toTime);
    if (!vehicle) return setFormError(t('buses.replay.chooseBus'));
    if (!from || !to || to <= from) return setFormError(t('buses.replay.badPeriod'));
    setFormError(null);
    loadTrack(Number(vehicle), from, to);
  };

  return (
    <section className="bus-replay" data-testid="bus-replay" aria-labelledby="bus-replay-title">
      <header className="bus-replay-header">
        <h2 id="bus-replay-title">{t('buses.replay.title')}</h2>
        <button type="button" className="button ghost" onClick={onClose} data-testid="bus-replay-close">
          {t('buses.replay.close')}
        </button>
      </header>
      <form className="bus-replay-form" onSubmit={submit}>
        <label>
          <span>{t('buses.replay.bus')}</span>
          <select value={vehicle} onChange={(e) => setVehicle(e.target.value)} data-testid="bus-replay-vehicle">
            <option value="">{t('buses.replay.chooseBus')}</option>
            {vehicleId !== null && !choices.some((bus) => bus.vehicleId === vehicleId) && <option value={vehicleId}>#{vehicleId}</option>}
            {choices.map((bus) => (
              <option key={bus.vehicleId} value={bus.vehicleId}>
                {bus.label}
                {bus.route ? ` · ${t('buses.popup.routeName', { name: bus.route })}` : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="bus-replay-presets" role="group" aria-label={t('buses.replay.presets')}>
          {REPLAY_PRESETS.map((preset) => (
            <button key={preset} type="button" className="button ghost" onClick={() => applyPreset(preset)} data-testid={`bus-replay-preset-${preset}`}>
              {t(`buses.replay.preset.${preset}`)}
            </button>
          ))}
        </div>
        <div className="bus-replay-times">
          <label>
            <span>{t('buses.replay.from')}</span>
            <input type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} required data-testid="bus-replay-from-date" />
          </label>
          <label>
            <span>{t('buses.replay.atTime')}</span>
            <input type="time" value={fromTime} onChange={(e) => setFromTime(e.target.value)} required data-testid="bus-replay-from" />
          </label>
          <label>
            <span>{t('buses.replay.to')}</span>
            <input type="date" value={toDate} onChange={(e) => setToDate(e.target.value)} required data-testid="bus-replay-to-date" />
          </label>
          <label>
            <span>{t('buses.replay.atTime')}</span>
            <input type="time" value={toTime} onChange={(e) => setToTime(e.target.value)} required data-testid="bus-replay-to" />
          </label>
        </div>
        <p className="panel-note" data-testid="bus-replay-period">
          {chosenFrom && chosenTo
            ? t('buses.replay.period', { from: formatDateTime(chosenFrom, language), to: formatDateTime(chosenTo, language) })
            : t('buses.replay.timeZone')}
        </p>
        <button type="submit" className="button" data-testid="bus-replay-load" disabled={track.status === 'loading'}>
          {track.status === 'loading' ? t('common.loading') : t('buses.replay.load')}
        </button>
      </form>
      {formError && (
        <p className="event-error" role="alert">
          {formError}
        </p>
      )}
      {track.status === 'failed' && (
        <p className="event-error" role="alert">
          {track.message ?? t('buses.replay.failed')}
        </p>
      )}
      {track.status === 'ready' && track.points.length === 0 && <p className="panel-note">{t('buses.replay.empty')}</p>}
      {track.status === 'ready' && track.points.length > 0 && (
        <ReplayPlayer vehicleId={track.vehicleId} from={track.from} to={track.to} points={track.points} />
      )}
    </section>
  );
}
