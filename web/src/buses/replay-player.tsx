// Plays a loaded track on the map: path and moving marker, play/pause, speed, a time slider, the downloads and the stop calls.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LngLatBounds } from 'maplibre-gl';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { addBusReplayLayers, removeBusReplayLayers, setReplayMarker, setReplayPath } from '../map/layers/bus-replay.layer';
import { useMapContext } from '../map/map-context';
import { StopCallsTable } from './stop-calls-table';
import { positionAt, type TrackPoint } from './track';
import { trackUrl } from './transit.api';
import { REPLAY_SPEEDS, useReplayClock, type ReplaySpeed } from './use-replay-clock';

interface ReplayPlayerProps {
  vehicleId: number;
  from: Date;
  to: Date;
  points: TrackPoint[];
}

export function ReplayPlayer({ vehicleId, from, to, points }: ReplayPlayerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { map } = useMapContext();
  const start = points[0]!.t;
  const end = points[points.length - 1]!.t;
  const clock = useReplayClock(start, end);
  const position = useMemo(() => positionAt(points, clock.t), [points, clock.t]);

  useEffect(() => {
    if (!map) return;
    addBusReplayLayers(map);
    setReplayPath(map, points.map((p) => [p.lon, p.lat]));
    const bounds = points.reduce((b, p) => b.extend([p.lon, p.lat]), new LngLatBounds([points[0]!.lon, points[0]!.lat], [points[0]!.lon, points[0]!.lat]));
    map.fitBounds(bounds, { padding: 80, maxZoom: 16, duration: 600 });
    return () => removeBusReplayLayers(map);
  }, [map, points]);

  useEffect(() => {
    if (map) setReplayMarker(map, position);
  }, [map, position]);

  return (
    <div className="replay-player" data-testid="replay-player" data-fixes={points.length}>
      <p className="panel-note">{t('buses.replay.fixes', { n: formatNumber(points.length, language) })}</p>
      <div className="replay-controls">
        <button type="button" className="button" onClick={clock.playing ? clock.pause : clock.play} data-testid="replay-play">
          {clock.playing ? t('buses.replay.pause') : t('buses.replay.play')}
        </button>
        <label>
          <span>{t('buses.replay.speed')}</span>
          <select value={clock.speed} onChange={(e) => clock.setSpeed(Number(e.target.value) as ReplaySpeed)} data-testid="replay-speed">
            {REPLAY_SPEEDS.map((speed) => (
              <option key={speed} value={speed}>
                {speed}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        type="range"
        className="replay-slider"
        min={start}
        max={end}
        step={1000}
        value={clock.t}
        onChange={(e) => clock.seek(Number(e.target.value))}
        aria-label={t('buses.replay.time')}
        data-testid="replay-slider"
      />
      <p className="replay-time" data-testid="replay-time">
        {formatDateTime(new Date(clock.t), language)}
        {position?.speedKmh != null && ` · ${t('buses.popup.speedValue', { n: formatNumber(Math.round(position.speedKmh), language) })}`}
      </p>
      <p className="replay-downloads">
        <a href={trackUrl(vehicleId, from, to, 'gpx')} download data-testid="replay-gpx">
          {t('buses.replay.downloadGpx')}
        </a>
        <a href={trackUrl(vehicleId, from, to, 'geojson')} download data-testid="replay-geojson">
          {t('buses.replay.downloadGeojson')}
        </a>
      </p>
      <StopCallsTable vehicleId={vehicleId} from={from} to={to} replayMs={clock.t} onSeek={(ms) => clock.seek(Math.min(end, Math.max(start, ms)))} />
    </div>
  );
}
