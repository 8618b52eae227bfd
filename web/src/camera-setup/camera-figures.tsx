// A camera's live health figures (from its worker's reports) and its set-up facts, as a definition list.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { tilingGrid, type Camera, type Tiling } from '@toc/server/schemas';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';

/** "2x2" → "tiles 2 × 2", "whole+2x2" → "whole picture and tiles 2 × 2". */
function tilingText(tiling: Tiling, t: TFunction): string {
  const grid = tilingGrid(tiling);
  if (!grid) return t('setup.facts.tilingNone');
  const size = `${grid.cols} × ${grid.rows}`;
  return grid.overview ? t('setup.facts.tilingWhole', { grid: size }) : t('setup.facts.tilingGrid', { grid: size });
}

export function CameraFigures({ camera }: { camera: Camera }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number, digits = 1) =>
    formatNumber(Math.round(value * 10 ** digits) / 10 ** digits, language);
  const health = camera.health;
  return (
    <div className="camera-figures">
      <h3 className="setup-subtitle">{t('setup.health.title')}</h3>
      {health ? (
        <dl className="figure-list" data-testid="camera-figures">
          <dt>{t('setup.health.detectFps')}</dt>
          <dd data-testid="figure-detect-fps">{n(health.detectFps)}</dd>
          <dt>{t('setup.health.inputFps')}</dt>
          <dd>{n(health.inputFps)}</dd>
          <dt>{t('setup.health.gatedFps')}</dt>
          <dd>{n(health.gatedFps)}</dd>
          <dt>{t('setup.health.inferenceMs')}</dt>
          <dd>{n(health.inferenceMs, 0)}</dd>
          <dt>{t('setup.health.tracks')}</dt>
          <dd>{n(health.tracks, 0)}</dd>
          <dt>{t('setup.health.skipped')}</dt>
          <dd>{n(health.framesSkipped, 0)}</dd>
          <dt>{t('setup.health.errors')}</dt>
          <dd>
            {t('setup.health.errorCounts', {
              frame: n(health.frameErrors, 0),
              decode: n(health.decodeErrors, 0),
            })}
          </dd>
          <dt>{t('setup.health.lastFrame')}</dt>
          <dd>{health.lastFrameAt ? formatDateTime(health.lastFrameAt, language) : '–'}</dd>
          {health.stability && (
            <>
              <dt>{t('setup.health.drops')}</dt>
              <dd data-testid="figure-drops" data-flapping={health.stability.flapping}>
                {n(health.stability.outagesLastHour, 0)}
                {health.stability.flapping && (
                  <div className="setup-hint">
                    {language === 'th' ? health.stability.reasonTextTh : health.stability.reasonText}
                  </div>
                )}
              </dd>
            </>
          )}
          {health.pace && (
            <>
              <dt>{t('setup.health.pace')}</dt>
              <dd data-testid="figure-pace" data-behind={health.pace.behind}>
                {t('setup.health.paceValue', {
                  analysed: n(health.pace.analysedFps),
                  expected: n(health.pace.expectedFps),
                })}
                {health.pace.behind && (
                  <div className="setup-hint">
                    {language === 'th' ? health.pace.reasonTextTh : health.pace.reasonText}
                  </div>
                )}
              </dd>
            </>
          )}
          <dt>{t('setup.health.worker')}</dt>
          <dd>{health.workerId}</dd>
        </dl>
      ) : (
        <p className="setup-hint" data-testid="camera-figures-none">
          {t('setup.health.none')}
        </p>
      )}
      <h3 className="setup-subtitle">{t('setup.facts.title')}</h3>
      <dl className="figure-list">
        <dt>{t('setup.facts.location')}</dt>
        <dd>
          {camera.location.lat.toFixed(5)}, {camera.location.lon.toFixed(5)}
        </dd>
        <dt>{t('setup.facts.view')}</dt>
        <dd>{t('setup.facts.viewValue', { heading: n(camera.headingDeg, 0), fov: n(camera.fovDeg, 0) })}</dd>
        <dt>{t('setup.facts.detection')}</dt>
        <dd>
          {t('setup.facts.detectionValue', {
            model: camera.modelId,
            fps: n(camera.detectFps),
            tiling: tilingText(camera.tiling, t),
          })}
        </dd>
        <dt>{t('setup.facts.lastSeen')}</dt>
        <dd>{camera.lastSeenAt ? formatDateTime(camera.lastSeenAt, language) : '–'}</dd>
      </dl>
    </div>
  );
}
