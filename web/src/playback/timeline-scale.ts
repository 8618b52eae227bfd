// The timeline's visible window over one Bangkok day: instants ↔ fractions of the width, zooming about a point
// (24 h down to 5 min), panning, and keeping the playhead in view.
import { fromBangkokInputs } from '../buses/bangkok-time';

/** A stretch of time in epoch milliseconds, `from` < `to`. */
export interface TimeView {
  from: number;
  to: number;
}

export const MIN_VIEW_MS = 5 * 60_000;
export const DAY_MS = 24 * 3_600_000;

/** A Bangkok calendar day (`YYYY-MM-DD`) from its midnight to the next (always 24 h: no daylight saving). */
export function bangkokDayView(day: string): TimeView {
  const from = fromBangkokInputs(day, '00:00')?.getTime() ?? Number.NaN;
  return { from, to: from + DAY_MS };
}

const spanOf = (view: TimeView) => view.to - view.from;

/** The view made valid: at least 5 minutes, at most the bounds, and inside them (moved, not shrunk, when it can). */
export function clampView(view: TimeView, bounds: TimeView): TimeView {
  const span = Math.min(spanOf(bounds), Math.max(MIN_VIEW_MS, spanOf(view)));
  const from = Math.min(bounds.to - span, Math.max(bounds.from, view.from));
  return { from, to: from + span };
}

/** Where `at` is across the view: 0 at its start, 1 at its end (outside 0–1 when outside it). */
export const fractionOf = (view: TimeView, at: number): number => (at - view.from) / spanOf(view);

export const timeAtFraction = (view: TimeView, fraction: number): number =>
  view.from + fraction * spanOf(view);

/** Zoom by `factor` (below 1 zooms in) keeping `anchor` (the pointer's instant) where it is on screen. */
export function zoomView(view: TimeView, factor: number, anchor: number, bounds: TimeView): TimeView {
  const span = Math.min(spanOf(bounds), Math.max(MIN_VIEW_MS, spanOf(view) * factor));
  const fraction = Math.min(1, Math.max(0, fractionOf(view, anchor)));
  const from = anchor - fraction * span;
  return clampView({ from, to: from + span }, bounds);
}

export const panView = (view: TimeView, deltaMs: number, bounds: TimeView): TimeView =>
  clampView({ from: view.from + deltaMs, to: view.to + deltaMs }, bounds);

/**
 * The view moved as little as needed for `at` to be inside it with a margin (a tenth of the width), so a playhead
 * running off the edge is followed page by page rather than dragging the picture along every frame.
 */
export function keepInView(view: TimeView, at: number, bounds: TimeView): TimeView {
  const margin = spanOf(view) / 10;
  if (at >= view.from + margin && at <= view.to - margin) return view;
  if (at < bounds.from || at > bounds.to) return view;
  const shift = at > view.to - margin ? at - (view.from + margin) : at - (view.to - margin);
  return panView(view, shift, bounds);
}
