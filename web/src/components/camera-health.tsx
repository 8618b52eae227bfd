// Camera health at a glance: how many cameras are in each status, with the map's colours.
import { useTranslation } from 'react-i18next';
import type { Camera, CameraState } from '@toc/server/schemas';
import { cameraStatusKey } from '../format/labels';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { CAMERA_STATUS_COLORS } from '../map/palette';
import type { LoadState } from '../state/load-status.store';

export function CameraHealth({ cameras, loadState }: { cameras: readonly Camera[]; loadState: LoadState }) {
  const { t } = useTranslation();
  const language = useLanguage();
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
    </section>
  );
}
