// Live tiles of the cameras around what the operator is looking at (the opened alarm, or the map's centre).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, LonLat } from '@toc/server/schemas';
import { routeHref } from '../app/hash-router';
import { nearestCameras } from '../format/nearest-cameras';
import { useLanguage } from '../i18n/use-language';
import { LiveTile } from '../video/live-tile';

const TILES = 4;
/** Side-panel tiles are small: one frame a second is enough to see what is happening. */
const TILE_FPS = 1;

interface AreaCamerasProps {
  cameras: readonly Camera[];
  around: LonLat;
  alarmCameraId: number | null;
  /** Shown unfolded at first (the operator may fold or unfold it). */
  defaultOpen?: boolean;
}

export function AreaCameras({ cameras, around, alarmCameraId, defaultOpen = true }: AreaCamerasProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nearest = useMemo(() => nearestCameras(cameras, around, TILES, alarmCameraId), [cameras, around, alarmCameraId]);
  if (nearest.length === 0) return null;
  return (
    <section className="panel-section area-cameras" data-testid="area-cameras">
      <details open={defaultOpen}>
        <summary className="panel-title">{t('video.areaCameras')}</summary>
        <div className="area-camera-grid">
          {nearest.map((camera) => (
            <a key={camera.id} href={routeHref('camera', camera.id)} className="area-camera-link" title={t('video.openCamera')}>
              <LiveTile cameraId={camera.id} title={language === 'th' ? camera.nameTh : camera.name} maxFps={TILE_FPS} />
            </a>
          ))}
        </div>
      </details>
    </section>
  );
}
