// The timeline's day and its visible window: a Bangkok day (the one being played by default), zoomed and panned
// inside it, and turned like a page to keep the playhead in view.
import { useCallback, useMemo, useState } from 'react';
import { bangkokToday } from '../shift/shift-day';
import { bangkokDayView, clampView, keepInView, panView, zoomView, type TimeView } from './timeline-scale';

export interface TimelineView {
  day: string;
  bounds: TimeView;
  view: TimeView;
  setDay: (day: string) => void;
  /** Zoom by `factor` (below 1: in) about `anchor`, the middle of the view when absent. */
  zoom: (factor: number, anchor?: number) => void;
  pan: (deltaMs: number) => void;
  showWholeDay: () => void;
  /** Keeps the playhead `at` in view, moving on to the next day when playback crosses midnight from `previous`. */
  follow: (at: number, previous: number | null) => void;
  showDayOf: (at: number) => void;
}

export function useTimelineView(initialAt: number): TimelineView {
  const [state, setState] = useState(() => {
    const day = bangkokToday(new Date(initialAt));
    return { day, view: bangkokDayView(day) };
  });
  const bounds = useMemo(() => bangkokDayView(state.day), [state.day]);

  const setDay = useCallback((day: string) => setState({ day, view: bangkokDayView(day) }), []);
  const zoom = useCallback(
    (factor: number, anchor?: number) =>
      setState((s) => {
        const dayView = bangkokDayView(s.day);
        return { ...s, view: zoomView(s.view, factor, anchor ?? (s.view.from + s.view.to) / 2, dayView) };
      }),
    [],
  );
  const pan = useCallback(
    (deltaMs: number) => setState((s) => ({ ...s, view: panView(s.view, deltaMs, bangkokDayView(s.day)) })),
    [],
  );
  const showWholeDay = useCallback(() => setState((s) => ({ ...s, view: bangkokDayView(s.day) })), []);
  const follow = useCallback(
    (at: number, previous: number | null) =>
      setState((s) => {
        const dayView = bangkokDayView(s.day);
        const inDay = (t: number) => t >= dayView.from && t < dayView.to;
        if (inDay(at)) {
          const view = keepInView(s.view, at, dayView);
          return view === s.view ? s : { ...s, view };
        }
        // Played across midnight: on to that day at the same zoom. (Another day looked at by hand stays.)
        if (previous === null || !inDay(previous)) return s;
        const day = bangkokToday(new Date(at));
        const span = s.view.to - s.view.from;
        return { day, view: clampView({ from: at - span / 2, to: at + span / 2 }, bangkokDayView(day)) };
      }),
    [],
  );
  /** Shows the day of `at` (whole) unless it is the day shown. */
  const showDayOf = useCallback(
    (at: number) =>
      setState((s) => {
        const day = bangkokToday(new Date(at));
        return day === s.day ? s : { day, view: bangkokDayView(day) };
      }),
    [],
  );

  return { day: state.day, bounds, view: state.view, setDay, zoom, pan, showWholeDay, follow, showDayOf };
}
