// Camera health at a glance: how many cameras are in each status, with the map's colours, and per camera the
// figures its worker reports (detect and input fps, inference time, tracks, last frame), linking to its detail page.
import { useTranslation } from 'react-i18next';
import type { Camera, CameraState } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { canWatchLiveVideo } from '../auth/permissions';
import { useSession } from '../auth/session.context';
import { cameraStatusKey } from '../format/labels';
import { formatNumber, formatTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { CAMERA_STATUS_COLORS } from '../map/palette';
import type { LoadState } from '../state/load-status.store';

export function CameraHealth({ cameras, loadState }: { cameras: readonly Camera[]; loadState: LoadState }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { state: session } = useSession();
  // The camera page is a live-video page: roles without live video see the names without links.
  const linkToCameras = session.status === 'signed-in' && canWatchLiveVideo(session.user.role);
  const counts = new Map<CameraState, number>();
  for (const camera of cameras) counts.set(camera.status, (counts.get(camera.status) ?? 0) + 1);
  const states = (Object.keys(CAMERA_STATUS_COLORS) as CameraState[]).filter((state) => counts.has(state));
  return (
    <section className="panel-section camera-health" data-testid="camera-health">
      <h2 className="panel-title">
        {t('cameras.title')} <span className="count">{formatNumber(cameras.length, language)}</span>
      </h2>
      {loadState === 'failed' && <p className="panel-note error">{t('cameras.loadFailed')}</p>}
      <ul className="status-counts">
        {states.map((state) => (
          <li key={state} data-status={state}>
            <span className="dot" style={{ background: CAMERA_STATUS_COLORS[state] }} aria-hidden="true" />
            {t(cameraStatusKey(state))} <strong>{formatNumber(counts.get(state) ?? 0, language)}</strong>
          </li>
        ))}
      </ul>
      <details className="camera-health-details">
        <summary>{t('cameras.healthDetails')}</summary>
        <table data-testid="camera-health-list">
          <tbody>
            {cameras.map((camera) => (
              <tr
                key={camera.id}
                data-testid="camera-health-row"
                data-camera-id={camera.id}
                data-status={camera.status}
              >
                <td>
                  <span
                    className="dot"
                    style={{ background: CAMERA_STATUS_COLORS[camera.status] }}
                    aria-hidden="true"
                  />{' '}
                  {linkToCameras ? (
                    <a href={routeHref('camera', camera.id)} data-testid="camera-health-link">
                      {language === 'th' ? camera.nameTh : camera.name}
                    </a>
                  ) : language === 'th' ? (
                    camera.nameTh
                  ) : (
                    camera.name
                  )}
                  {camera.statusReason && <div className="panel-note">{camera.statusReason}</div>}
                  {camera.health?.stability?.flapping && (
                    // A camera that keeps coming and going: said while it is up as well as down.
                    <div className="panel-note" data-testid="camera-unstable">
                      {language === 'th'
                        ? camera.health.stability.reasonTextTh
                        : camera.health.stability.reasonText}
                    </div>
                  )}
                  {camera.health?.pace?.behind && (
                    // The worker cannot analyse enough of this camera's frames: its road alarms are held.
                    <div className="panel-note" data-testid="camera-behind">
                      {language === 'th' ? camera.health.pace.reasonTextTh : camera.health.pace.reasonText}
                    </div>
                  )}
                </td>
                <td data-testid="camera-health-figures">
                  {camera.health
                    ? t('cameras.healthFigures', {
                        detectFps: formatNumber(camera.health.detectFps, language),
                        inputFps: formatNumber(camera.health.inputFps, language),
                        inferenceMs: formatNumber(Math.round(camera.health.inferenceMs), language),
                        tracks: formatNumber(camera.health.tracks, language),
                      })
                    : t(cameraStatusKey(camera.status))}
                  {camera.health?.lastFrameAt && (
                    <div className="panel-note">{formatTime(camera.health.lastFrameAt, language)}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
