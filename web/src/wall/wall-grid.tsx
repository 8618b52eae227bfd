// The wall's grid: rows × cols live tiles of the group on screen, each with the camera's name and status; tiles take
// the cameras' picture shape so the picture fills them, and cameras past the grid are one click away.
import { useCallback, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Camera, WallGroup } from '@toc/server/schemas';
import { cameraStatusKey } from '../format/labels';
import { useLanguage } from '../i18n/use-language';
import { LiveTile } from '../video/live-tile';
import { bestCellAspect } from './cell-aspect';
import { HiddenCameras } from './hidden-cameras';
import { captionParts } from './tile-caption';

interface WallGridProps {
  rows: number;
  cols: number;
  group: WallGroup;
  cameras: ReadonlyMap<number, Camera>;
  /** Beside a takeover the grid has a third of the screen: at most two columns keep the names readable. */
  compact: boolean;
}

/** Spaces at the end of the head would collapse against the tail; a no-break space stays. */
const keepTrailingSpace = (text: string) => text.replace(/\s+$/, '\u00a0');

export function WallGrid({ rows, cols, group, cameras, compact }: WallGridProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [aspects, setAspects] = useState<ReadonlyMap<number, number>>(new Map());
  const onAspect = useCallback(
    (cameraId: number, aspect: number) => setAspects((known) => (known.get(cameraId) === aspect ? known : new Map(known).set(cameraId, aspect))),
    [],
  );
  // A camera deleted since the layout was saved drops out; the rest move up.
  const present = group.cameraIds.map((id) => cameras.get(id)).filter((c): c is Camera => c !== undefined);
  const shown = present.slice(0, rows * cols);
  const hidden = present.slice(rows * cols);
  const empty = rows * cols - shown.length;
  const columns = compact ? Math.min(cols, 2) : cols;
  const lines = Math.ceil((rows * cols) / columns);
  const names = shown.map((camera) => (language === 'th' ? camera.nameTh : camera.name));
  const aspect = bestCellAspect(shown.map((camera) => aspects.get(camera.id) ?? Number.NaN));
  // The CSS works out the largest tiles of this shape that fit (see .wall-grid).
  const shape = { '--wall-cols': columns, '--wall-lines': lines, '--wall-aspect': aspect } as CSSProperties;

  return (
    <div className="wall-grid-frame">
      <div className="wall-grid" style={shape} data-testid="wall-grid" data-rows={rows} data-cols={cols} data-aspect={aspect.toFixed(4)}>
        {shown.map((camera, i) => {
          const { head, tail } = captionParts(names[i]!, names);
          return (
            <LiveTile
              key={camera.id}
              cameraId={camera.id}
              title={names[i]}
              caption={
                <>
                  {head && <span className="wall-title-head">{keepTrailingSpace(head)}</span>}
                  <span className="wall-title-tail" data-testid="wall-title-tail">
                    {tail}
                  </span>
                </>
              }
              onPictureAspect={(picture) => onAspect(camera.id, picture)}
              className="wall-tile"
              overlay={
                <span className={`wall-camera-status camera-${camera.status}`} data-testid="wall-camera-status">
                  {t(cameraStatusKey(camera.status))}
                </span>
              }
            />
          );
        })}
        {Array.from({ length: empty }, (_, i) => (
          <div key={`empty-${i}`} className="wall-tile wall-empty" data-testid="wall-empty-slot">
            {t('wall.emptySlot')}
          </div>
        ))}
      </div>
      {hidden.length > 0 && <HiddenCameras cameras={hidden} />}
    </div>
  );
}
