// A camera clicked on the map: its live picture, health and latest alarms, with the way to its full page and to its
// recording.
import { useTranslation } from 'react-i18next';
import type { Camera, Event, Role } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { canPlayBackRecordings, canWatchLiveVideo } from '../auth/permissions';
import { playbackHref } from '../playback/playback-route';
import { cameraStatusKey, eventTypeKey, severityKey } from '../format/labels';
import { formatDateTime, formatListTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { CAMERA_STATUS_COLORS } from '../map/palette';
import { useNow } from '../state/use-now';
import { LiveTile } from '../video/live-tile';

/** Alarms of the camera listed in the panel, newest first. */
const RECENT_ALARMS = 5;

interface CameraPanelProps {
  camera: Camera;
  events: readonly Event[];
  role: Role;
  onClose: () => void;
  onOpenEvent: (event: Event) => void;
}

export function CameraPanel({ camera, events, role, onClose, onOpenEvent }: CameraPanelProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow(60_000);
  const name = language === 'th' ? camera.nameTh : camera.name;
  const recent = events
    .filter((e) => e.cameraId === camera.id && e.type !== 'traffic.vehicles')
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, RECENT_ALARMS);
  const health = camera.health;
  return (
    <section className="panel-section camera-panel" data-testid="camera-panel" data-camera-id={camera.id}>
      <div className="detail-header">
        <h2 className="panel-title">{name}</h2>
        <button type="button" className="button ghost" onClick={onClose} data-testid="camera-panel-close">
          {t('detail.close')}
        </button>
      </div>
      <p className="camera-panel-status" data-testid="camera-panel-status" data-status={camera.status}>
        <span
          className="dot"
          style={{ background: CAMERA_STATUS_COLORS[camera.status] }}
          aria-hidden="true"
        />{' '}
        {t(cameraStatusKey(camera.status))}
        {camera.statusReason && <span className="panel-note"> · {camera.statusReason}</span>}
      </p>
      {canWatchLiveVideo(role) ? (
        <LiveTile cameraId={camera.id} title={name} className="camera-panel-video" />
      ) : (
        <p className="panel-note">{t('cameraPanel.noLiveVideo')}</p>
      )}
      <dl className="detail-facts">
        <dt>{t('cameraPanel.health')}</dt>
        <dd data-testid="camera-panel-health">
          {health
            ? t('cameras.healthFigures', {
                detectFps: formatNumber(health.detectFps, language),
                inputFps: formatNumber(health.inputFps, language),
                inferenceMs: formatNumber(Math.round(health.inferenceMs), language),
                tracks: formatNumber(health.tracks, language),
              })
            : t('cameraPanel.noHealth')}
        </dd>
        <dt>{t('cameraPanel.lastFrame')}</dt>
        <dd>
          {health?.lastFrameAt ? formatDateTime(health.lastFrameAt, language) : t('cameraPanel.noFrame')}
        </dd>
      </dl>
      <h3 className="detail-subtitle">{t('cameraPanel.recentAlarms')}</h3>
      {recent.length === 0 ? (
        <p className="panel-note">{t('cameraPanel.noAlarms')}</p>
      ) : (
        <ul className="camera-panel-alarms" data-testid="camera-panel-alarms">
          {recent.map((event) => (
            <li key={event.id}>
              <button
                type="button"
                className="button ghost"
                onClick={() => onOpenEvent(event)}
                data-event-id={event.id}
              >
                {t(eventTypeKey(event.type))} · {t(severityKey(event.severity))} ·{' '}
                {formatListTime(event.startedAt, language, new Date(now))}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="detail-links">
        {canWatchLiveVideo(role) && (
          <a
            className="button secondary"
            href={routeHref('camera', camera.id)}
            data-testid="camera-panel-page"
          >
            {t('video.openCamera')}
          </a>
        )}
        {canPlayBackRecordings(role) && (
          <a
            className="button secondary"
            href={playbackHref({ cameraId: camera.id })}
            data-testid="camera-panel-playback"
          >
            {t('cameraPanel.playback')}
          </a>
        )}
      </div>
    </section>
  );
}
