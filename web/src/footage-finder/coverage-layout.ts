// A camera's coverage over the request window as bar pieces: recorded spans and gaps (with their reason) placed in
// percent of the window, and the instant a click on the bar names.
import type { CoverageGap, FootageCoverage } from '@toc/server/schemas';

export interface Window {
  from: number;
  to: number;
}

export type CoveragePiece =
  | { kind: 'span'; from: number; to: number; left: number; width: number }
  | { kind: 'gap'; from: number; to: number; left: number; width: number; gap: CoverageGap };

/** Rounded to 1/1000 %, so equal layouts compare equal and style strings stay short. */
const round = (percent: number) => Math.round(percent * 1000) / 1000;

/** Left and width in percent of the window of [from, to] cut to it; null when nothing of it lies inside. */
export function placeInWindow(
  window: Window,
  from: number,
  to: number,
): { left: number; width: number } | null {
  const length = window.to - window.from;
  if (!(length > 0)) return null;
  const start = Math.max(from, window.from);
  const end = Math.min(to, window.to);
  if (!(end > start)) return null;
  const left = round(((start - window.from) / length) * 100);
  const right = round(((end - window.from) / length) * 100);
  return { left, width: round(right - left) };
}

/** Spans and gaps in time order, each cut to the window; anything outside it or empty is left out. */
export function coverageLayout(coverage: FootageCoverage, window: Window): CoveragePiece[] {
  const pieces: CoveragePiece[] = [];
  for (const span of coverage.spans) {
    const from = Date.parse(span.from);
    const to = Date.parse(span.to);
    const place = placeInWindow(window, from, to);
    if (place) pieces.push({ kind: 'span', from, to, ...place });
  }
  for (const gap of coverage.gaps) {
    const from = Date.parse(gap.from);
    const to = Date.parse(gap.to);
    const place = placeInWindow(window, from, to);
    if (place) pieces.push({ kind: 'gap', from, to, ...place, gap });
  }
  return pieces.sort((a, b) => a.from - b.from || a.to - b.to);
}

/** The instant at `fraction` (0…1, clamped) of the window, to the whole second. */
export function instantAt(window: Window, fraction: number): number {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  const at = Math.round((window.from + f * (window.to - window.from)) / 1000) * 1000;
  return Math.min(window.to, Math.max(window.from, at));
}

/** The middle of the window, to the whole second: where a camera's still is first taken. */
export const middleOf = (window: Window): number => instantAt(window, 0.5);

/** The gap `at` falls in, if any: a still there has no footage, and the bar already knows why. */
export function gapAt(coverage: FootageCoverage, at: number): CoverageGap | null {
  return coverage.gaps.find((gap) => Date.parse(gap.from) <= at && at < Date.parse(gap.to)) ?? null;
}
