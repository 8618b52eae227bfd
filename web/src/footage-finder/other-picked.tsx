// Cameras saved on the request that the finder no longer proposes: still listed, so they can be trimmed or dropped.
import { useTranslation } from 'react-i18next';
import type { RequestCamera } from '@toc/server/schemas';
import { CameraPick } from './camera-pick';
import type { Picks, Trim } from './pick-draft';

interface OtherPickedProps {
  cameras: readonly RequestCamera[];
  picks: Picks;
  bounds: Trim;
  nameOf: (cameraId: number) => string;
  onToggle: (cameraId: number) => void;
  onTrim: (cameraId: number, part: Partial<Trim>) => void;
}

export function OtherPicked({ cameras, picks, bounds, nameOf, onToggle, onTrim }: OtherPickedProps) {
  const { t } = useTranslation();
  if (cameras.length === 0) return null;
  return (
    <section className="finder-other-picked">
      <h4>{t('finder.otherPicked')}</h4>
      <ul>
        {cameras.map((camera) => (
          <li key={camera.cameraId} data-testid="finder-other-picked" data-camera-id={camera.cameraId}>
            <CameraPick
              cameraId={camera.cameraId}
              label={nameOf(camera.cameraId)}
              trim={picks.get(camera.cameraId)}
              bounds={bounds}
              onToggle={onToggle}
              onTrim={onTrim}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
