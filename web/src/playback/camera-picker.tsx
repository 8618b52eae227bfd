// Which cameras to play: the main one, and up to three beside it that follow its clock.
import { useTranslation } from 'react-i18next';
import type { Camera } from '@toc/server/schemas';
import { MAX_CAMERAS } from './playback-route';

interface CameraPickerProps {
  cameras: readonly Camera[];
  mainId: number | null;
  others: readonly number[];
  nameOf: (cameraId: number) => string;
  onMain: (cameraId: number) => void;
  onAdd: (cameraId: number) => void;
}

export function CameraPicker({ cameras, mainId, others, nameOf, onMain, onAdd }: CameraPickerProps) {
  const { t } = useTranslation();
  const shown = new Set([mainId, ...others]);
  const addable = cameras.filter((camera) => !shown.has(camera.id));
  return (
    <div className="camera-picker">
      <label>
        {t('playback.camera')}
        <select
          value={mainId ?? ''}
          onChange={(e) => e.target.value && onMain(Number(e.target.value))}
          data-testid="playback-camera"
        >
          {mainId === null && <option value="">—</option>}
          {/* A camera gone from the list keeps its footage: it can still be played by its number. */}
          {mainId !== null && !cameras.some((c) => c.id === mainId) && (
            <option value={mainId}>{nameOf(mainId)}</option>
          )}
          {cameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {nameOf(camera.id)}
            </option>
          ))}
        </select>
      </label>
      {mainId !== null && others.length < MAX_CAMERAS - 1 && addable.length > 0 && (
        <select
          value=""
          aria-label={t('playback.addCamera')}
          title={t('playback.addCamera')}
          onChange={(e) => e.target.value && onAdd(Number(e.target.value))}
          data-testid="playback-add-camera"
        >
          <option value="">{t('playback.addCameraPrompt')}</option>
          {addable.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {nameOf(camera.id)}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
