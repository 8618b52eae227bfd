// The timeline track under the pointer: the wheel zooms about the pointer, a drag moves the view, a click (a press
// that did not move) picks that instant; and the instant under the pointer, for the hover line.
import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { timeAtFraction, type TimeView } from './timeline-scale';

interface TrackHandlers {
  zoom: (factor: number, anchor: number) => void;
  pan: (deltaMs: number) => void;
  pick: (at: number) => void;
}

/** A press that moves less than this is a click. */
const DRAG_THRESHOLD_PX = 4;
const WHEEL_ZOOM = 1.25;

export function useTrackGestures(
  track: RefObject<HTMLDivElement | null>,
  view: TimeView,
  handlers: TrackHandlers,
) {
  const [hoverAt, setHoverAt] = useState<number | null>(null);
  const drag = useRef<{ startX: number; lastX: number; moved: boolean } | null>(null);
  // Read by the native wheel listener, which is added once.
  const latest = useRef({ view, handlers });
  useEffect(() => {
    latest.current = { view, handlers };
  });

  const timeAt = (clientX: number): number | null => {
    const rect = track.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return null;
    return timeAtFraction(latest.current.view, Math.min(1, Math.max(0, (clientX - rect.left) / rect.width)));
  };

  useEffect(() => {
    const element = track.current;
    if (!element) return;
    // Not React's onWheel: that listener is passive, and the page must not scroll while the timeline zooms.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const { view: current, handlers: now } = latest.current;
      const anchor = timeAtFraction(current, (event.clientX - rect.left) / rect.width);
      now.zoom(event.deltaY > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, anchor);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [track]);

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    // Alarm markers are buttons with their own click.
    if (event.button !== 0 || (event.target as Element).closest('button')) return;
    drag.current = { startX: event.clientX, lastX: event.clientX, moved: false };
  };

  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    setHoverAt(timeAt(event.clientX));
    const state = drag.current;
    const rect = track.current?.getBoundingClientRect();
    if (!state || !rect) return;
    if (!state.moved && Math.abs(event.clientX - state.startX) > DRAG_THRESHOLD_PX) {
      state.moved = true;
      event.currentTarget.setPointerCapture(event.pointerId);
    }
    if (!state.moved) return;
    const { view: current } = latest.current;
    latest.current.handlers.pan((-(event.clientX - state.lastX) / rect.width) * (current.to - current.from));
    state.lastX = event.clientX;
  };

  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    const state = drag.current;
    drag.current = null;
    if (!state || state.moved) return;
    const at = timeAt(event.clientX);
    if (at !== null) latest.current.handlers.pick(at);
  };

  const onPointerLeave = () => setHoverAt(null);
  const onPointerCancel = () => {
    drag.current = null;
  };

  return { hoverAt, onPointerDown, onPointerMove, onPointerUp, onPointerLeave, onPointerCancel };
}
