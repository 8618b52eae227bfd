// "+N cameras" under the grid when a group holds more cameras than tiles: each one opens its camera page (live view).
import { useTranslation } from 'react-i18next';
import type { Camera } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { cameraStatusKey } from '../format/labels';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { MoreList } from './more-list';

export function HiddenCameras({ cameras }: { cameras: readonly Camera[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <MoreList
      label={t('wall.moreCameras', { n: formatNumber(cameras.length, language) })}
      heading={t('wall.moreCamerasTitle', { n: formatNumber(cameras.length, language) })}
      hint={t('wall.moreCamerasHint')}
      count={cameras.length}
      testId="wall-more-cameras"
      className="wall-more-cameras"
    >
      {() =>
        cameras.map((camera) => (
          <li key={camera.id}>
            <a className="wall-more-item" href={routeHref('camera', camera.id)} data-testid="wall-more-camera" data-camera-id={camera.id}>
              <span className="wall-more-item-title">{language === 'th' ? camera.nameTh : camera.name}</span>
              <span className={`wall-camera-status camera-${camera.status}`}>{t(cameraStatusKey(camera.status))}</span>
            </a>
          </li>
        ))
      }
    </MoreList>
  );
}
