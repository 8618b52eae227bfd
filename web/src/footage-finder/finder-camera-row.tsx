// One proposed camera in the ranked list: rank, names in Thai and English, distance, how it was judged and why, its
// still, its coverage over the window, the events it raised, and (when picking) its checkbox and trim.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FoundCamera, NearEvent } from '@toc/server/schemas';
import { cameraStatusKey } from '../format/labels';
import { formatNumber } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import { CameraPick } from './camera-pick';
import { CameraStill } from './camera-still';
import { CoverageBar } from './coverage-bar';
import { middleOf, type Window } from './coverage-layout';
import { useEventText } from './event-text';
import { BASIS_COLORS } from './finder-map-layers';
import type { Trim } from './pick-draft';

interface FinderCameraRowProps {
  requestId: number;
  camera: FoundCamera;
  window: Window;
  events: readonly NearEvent[];
  lit: boolean;
  selected: boolean;
  canPick: boolean;
  /** Its trim when picked. */
  trim: Trim | undefined;
  bounds: Trim;
  onHover: (cameraId: number | null) => void;
  onSelect: (cameraId: number) => void;
  onToggle: (cameraId: number) => void;
  onTrim: (cameraId: number, part: Partial<Trim>) => void;
}

export function FinderCameraRow({
  requestId,
  camera,
  window,
  events,
  lit,
  selected,
  canPick,
  trim,
  bounds,
  onHover,
  onSelect,
  onToggle,
  onTrim,
}: FinderCameraRowProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const eventText = useEventText();
  const ref = useRef<HTMLLIElement>(null);
  const middle = middleOf(window);
  const [at, setAt] = useState(middle);
  const [primary, secondary] =
    language === 'th' ? [camera.nameTh, camera.name] : [camera.name, camera.nameTh];

  // Picked on the map: the row comes into view.
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  return (
    <li
      ref={ref}
      className={`finder-camera${lit ? ' lit' : ''}${selected ? ' selected' : ''}${trim ? ' picked' : ''}`}
      onMouseEnter={() => onHover(camera.cameraId)}
      onMouseLeave={() => onHover(null)}
      data-testid="finder-camera"
      data-camera-id={camera.cameraId}
      data-rank={camera.rank}
      data-basis={camera.basis}
      data-picked={trim !== undefined}
      data-selected={selected}
    >
      <button
        type="button"
        className="finder-camera-head"
        onClick={() => onSelect(camera.cameraId)}
        aria-pressed={selected}
      >
        <span
          className="finder-rank"
          style={{ borderColor: BASIS_COLORS[camera.basis] }}
          title={t('finder.rank', { rank: camera.rank })}
        >
          {camera.rank}
        </span>
        <span className="finder-camera-names">
          <strong>{primary}</strong>
          <span lang={language === 'th' ? 'en' : 'th'}>{secondary}</span>
        </span>
        <span className="finder-camera-facts">
          <span className={`finder-basis basis-${camera.basis}`}>{t(`finder.basis.${camera.basis}`)}</span>
          <span>
            {t('finder.distance', { distance: formatNumber(Math.round(camera.distanceM), language) })}
          </span>
        </span>
      </button>
      <p className="finder-reason">{language === 'th' ? camera.reasonTh : camera.reason}</p>
      {!camera.enabled ? (
        <p className="panel-note">{t('finder.disabled')}</p>
      ) : (
        camera.status !== 'online' && (
          <p className="panel-note">{t('finder.statusNow', { status: t(cameraStatusKey(camera.status)) })}</p>
        )
      )}
      <div className="finder-camera-body">
        <CameraStill requestId={requestId} cameraId={camera.cameraId} at={at} name={primary} />
        <div className="finder-camera-detail">
          <CoverageBar coverage={camera.coverage} window={window} at={at} onPick={setAt} />
          {at !== middle && (
            <button
              type="button"
              className="button ghost compact"
              onClick={() => setAt(middle)}
              data-testid="finder-still-middle"
            >
              {t('finder.still.middle')}
            </button>
          )}
          {events.length > 0 && (
            <div className="finder-events">
              <h5>{t('finder.events')}</h5>
              <ul>
                {events.map((event) => (
                  <li
                    key={event.id}
                    className={`finder-event severity-${event.severity}`}
                    data-testid="finder-event"
                    data-event-id={event.id}
                  >
                    {eventText(event)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canPick && (
            <CameraPick
              cameraId={camera.cameraId}
              label={t('finder.pick')}
              trim={trim}
              bounds={bounds}
              onToggle={onToggle}
              onTrim={onTrim}
            />
          )}
        </div>
      </div>
    </li>
  );
}
