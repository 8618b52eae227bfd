// The playhead: a line across the timeline at the wall-clock time of the frame on screen, moving with playback; while
// the main camera has no footage, a dashed line at the moment asked for.
import { useStore } from '../state/observable-store';
import type { WallClockStore } from './player-state';
import { fractionOf, type TimeView } from './timeline-scale';

interface TimelinePlayheadProps {
  clock: WallClockStore;
  /** The moment without footage the page is showing a notice for, instead of the last frame's. */
  pinnedAt: number | null;
  view: TimeView;
}

export function TimelinePlayhead({ clock, pinnedAt, view }: TimelinePlayheadProps) {
  const shown = useStore(clock);
  const at = pinnedAt ?? shown;
  if (at === null) return null;
  const fraction = fractionOf(view, at);
  if (fraction < 0 || fraction > 1) return null;
  return (
    <div
      className={pinnedAt === null ? 'timeline-playhead' : 'timeline-playhead pinned'}
      style={{ left: `${fraction * 100}%` }}
      data-testid="timeline-playhead"
      data-at={new Date(at).toISOString()}
    />
  );
}
