// The wall's grid: rows × cols live tiles of the group on screen, each with the camera's name and status.
import { useTranslation } from 'react-i18next';
import type { Camera, WallGroup } from '@toc/server/schemas';
import { cameraStatusKey } from '../format/labels';
import { useLanguage } from '../i18n/use-language';
import { LiveTile } from '../video/live-tile';

interface WallGridProps {
  rows: number;
  cols: number;
  group: WallGroup;
  cameras: ReadonlyMap<number, Camera>;
  /** Beside a takeover the grid has a third of the screen: at most two columns keep the names readable. */
  compact: boolean;
}

export function WallGrid({ rows, cols, group, cameras, compact }: WallGridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  // A camera deleted since the layout was saved drops out; the rest move up.
  const shown = group.cameraIds.map((id) => cameras.get(id)).filter((c): c is Camera => c !== undefined).slice(0, rows * cols);
  const empty = rows * cols - shown.length;
  const columns = compact ? Math.min(cols, 2) : cols;
  const lines = Math.ceil((rows * cols) / columns);

  return (
    <div
      className="wall-grid"
      style={{ gridTemplateRows: `repeat(${lines}, minmax(0, 1fr))`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      data-testid="wall-grid"
      data-rows={rows}
      data-cols={cols}
    >
      {shown.map((camera) => (
        <LiveTile
          key={camera.id}
          cameraId={camera.id}
          title={language === 'th' ? camera.nameTh : camera.name}
          className="wall-tile"
          overlay={
            <span className={`wall-camera-status camera-${camera.status}`} data-testid="wall-camera-status">
              {t(cameraStatusKey(camera.status))}
            </span>
          }
        />
      ))}
      {Array.from({ length: empty }, (_, i) => (
        <div key={`empty-${i}`} className="wall-tile wall-empty" data-testid="wall-empty-slot">
          {t('wall.emptySlot')}
        </div>
      ))}
    </div>
  );
}
