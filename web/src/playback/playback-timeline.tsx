// The 24-hour timeline under the players: one row per camera (recorded, gaps, holds, alarms), Bangkok time ticks,
// zoom from the whole day to five minutes, drag to move, click to play from that moment, and the playhead.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../i18n/format';
import { useLanguage } from '../i18n/use-language';
import type { WallClockStore } from './player-state';
import { TimelineDayPicker } from './timeline-day-picker';
import { TimelineLane } from './timeline-lane';
import { TimelinePlayhead } from './timeline-playhead';
import { fractionOf } from './timeline-scale';
import { timelineTicks } from './timeline-ticks';
import type { Lane } from './use-camera-timelines';
import type { TimelineView } from './use-timeline-view';
import { useTrackGestures } from './use-track-gestures';

const ZOOM_STEP = 2;

interface PlaybackTimelineProps {
  cameras: readonly { id: number; name: string }[];
  lanes: ReadonlyMap<number, Lane>;
  timeline: TimelineView;
  clock: WallClockStore | null;
  /** A moment without footage being shown (the playhead stays there rather than on the last frame). */
  pinnedAt: number | null;
  onPick: (at: number) => void;
}

function useWidth(element: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(target);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

export function PlaybackTimeline({
  cameras,
  lanes,
  timeline,
  clock,
  pinnedAt,
  onPick,
}: PlaybackTimelineProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const track = useRef<HTMLDivElement>(null);
  const width = useWidth(track);
  const { view, day, bounds } = timeline;
  const gestures = useTrackGestures(track, view, { zoom: timeline.zoom, pan: timeline.pan, pick: onPick });
  const ticks = timelineTicks(view, width);
  const dayMiddle = bounds.from + (bounds.to - bounds.from) / 2;
  const hover = gestures.hoverAt;

  return (
    <section
      className="panel-surface playback-timeline"
      aria-label={t('playback.timeline')}
      data-testid="playback-timeline"
      data-day={day}
      data-view-from={new Date(view.from).toISOString()}
      data-view-to={new Date(view.to).toISOString()}
    >
      <div className="timeline-toolbar">
        <TimelineDayPicker day={day} onDay={timeline.setDay} />
        <div className="timeline-zoom">
          <button
            type="button"
            className="button secondary compact"
            onClick={() => timeline.zoom(ZOOM_STEP)}
            data-testid="playback-zoom-out"
          >
            {t('playback.zoomOut')}
          </button>
          <button
            type="button"
            className="button secondary compact"
            onClick={() => timeline.zoom(1 / ZOOM_STEP)}
            data-testid="playback-zoom-in"
          >
            {t('playback.zoomIn')}
          </button>
          <button
            type="button"
            className="button secondary compact"
            onClick={timeline.showWholeDay}
            data-testid="playback-whole-day"
          >
            {t('playback.wholeDay')}
          </button>
        </div>
        <ul className="timeline-legend">
          <li>
            <span className="swatch recorded" />
            {t('playback.legend.recorded')}
          </li>
          <li>
            <span className="swatch gap" />
            {t('playback.legend.gap')}
          </li>
          <li>
            <span className="swatch event" />
            {t('playback.legend.event')}
          </li>
          <li>
            <span className="swatch hold" />
            {t('playback.legend.hold')}
          </li>
        </ul>
      </div>
      <div className="timeline-body">
        <ul className="timeline-names">
          {cameras.map((camera) => (
            <li key={camera.id} title={camera.name}>
              {camera.name}
            </li>
          ))}
        </ul>
        <div
          ref={track}
          className="timeline-track"
          title={t('playback.timeline')}
          onPointerDown={gestures.onPointerDown}
          onPointerMove={gestures.onPointerMove}
          onPointerUp={gestures.onPointerUp}
          onPointerLeave={gestures.onPointerLeave}
          onPointerCancel={gestures.onPointerCancel}
          data-testid="playback-timeline-track"
        >
          {cameras.map((camera) => (
            <TimelineLane
              key={camera.id}
              lane={lanes.get(camera.id)}
              view={view}
              day={dayMiddle}
              onPick={onPick}
            />
          ))}
          <div className="timeline-axis" aria-hidden="true">
            {ticks.map((tick) => (
              <span
                key={tick.at}
                className={tick.major ? 'tick major' : 'tick'}
                style={{ left: `${fractionOf(view, tick.at) * 100}%` }}
              >
                {tick.label}
              </span>
            ))}
          </div>
          {hover !== null && (
            <div
              className="timeline-hover"
              style={{ left: `${fractionOf(view, hover) * 100}%` }}
              aria-hidden="true"
            >
              <span>{formatTime(new Date(hover), language)}</span>
            </div>
          )}
          {clock && <TimelinePlayhead clock={clock} pinnedAt={pinnedAt} view={view} />}
        </div>
      </div>
    </section>
  );
}
