// Small tests for the coverage bar layout: spans and gaps in percent of the window, clipped, ordered.
import { describe, expect, it } from 'vitest';
import type { CoverageGap, FootageCoverage } from '@toc/server/schemas';
import { coverageLayout, gapAt, instantAt, middleOf, placeInWindow } from './coverage-layout';

const t0 = Date.parse('2025-11-22T07:00:00Z');
const min = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const window = { from: t0, to: t0 + 10 * min };

const gap = (from: number, to: number, reason: CoverageGap['reason'] = 'camera_offline'): CoverageGap => ({
  from: iso(from),
  to: iso(to),
  reason,
  detail: null,
  text: 'The camera was offline',
  textTh: 'กล้องออฟไลน์',
});

describe('placeInWindow', () => {
  it('gives left and width in percent of the window', () => {
    expect(placeInWindow(window, t0 + 2 * min, t0 + 5 * min)).toEqual({ left: 20, width: 30 });
  });

  it('cuts a stretch to the window and drops one outside it', () => {
    expect(placeInWindow(window, t0 - 5 * min, t0 + min)).toEqual({ left: 0, width: 10 });
    expect(placeInWindow(window, t0 + 9 * min, t0 + 20 * min)).toEqual({ left: 90, width: 10 });
    expect(placeInWindow(window, t0 + 11 * min, t0 + 12 * min)).toBeNull();
    expect(placeInWindow(window, t0 + min, t0 + min)).toBeNull();
  });

  it('places nothing in an empty window', () => {
    expect(placeInWindow({ from: t0, to: t0 }, t0 - min, t0 + min)).toBeNull();
  });
});

describe('coverageLayout', () => {
  const coverage: FootageCoverage = {
    spans: [
      { from: iso(t0 + 4 * min), to: iso(t0 + 10 * min) },
      { from: iso(t0), to: iso(t0 + 3 * min) },
    ],
    gaps: [gap(t0 + 3 * min, t0 + 4 * min, 'storage_full')],
    coveredSeconds: 540,
    fraction: 0.9,
  };

  it('lays spans and gaps side by side in time order, filling the bar', () => {
    const pieces = coverageLayout(coverage, window);
    expect(pieces.map((p) => [p.kind, p.left, p.width])).toEqual([
      ['span', 0, 30],
      ['gap', 30, 10],
      ['span', 40, 60],
    ]);
    expect(pieces.reduce((sum, p) => sum + p.width, 0)).toBeCloseTo(100);
  });

  it('keeps the gap with its reason and texts, for the colour and the title', () => {
    const piece = coverageLayout(coverage, window)[1]!;
    expect(piece.kind === 'gap' && piece.gap.reason).toBe('storage_full');
  });

  it('shows a window with nothing recorded as one gap across the bar', () => {
    const none: FootageCoverage = {
      spans: [],
      gaps: [gap(t0, t0 + 10 * min, 'not_recorded')],
      coveredSeconds: 0,
      fraction: 0,
    };
    expect(coverageLayout(none, window).map((p) => [p.kind, p.left, p.width])).toEqual([['gap', 0, 100]]);
  });

  it('rounds to a thousandth of a percent', () => {
    const thirds = { from: t0, to: t0 + 3_000 };
    const pieces = coverageLayout(
      { spans: [{ from: iso(t0), to: iso(t0 + 1_000) }], gaps: [], coveredSeconds: 1, fraction: 1 / 3 },
      thirds,
    );
    expect(pieces[0]).toMatchObject({ left: 0, width: 33.333 });
  });
});

describe('instantAt, middleOf and gapAt', () => {
  it('names the instant at a fraction of the window, clamped, to the second', () => {
    expect(instantAt(window, 0.25)).toBe(t0 + 150_000);
    expect(instantAt(window, -1)).toBe(t0);
    expect(instantAt(window, 2)).toBe(t0 + 10 * min);
    expect(middleOf({ from: t0, to: t0 + 3_001 })).toBe(t0 + 2_000);
  });

  it('finds the gap an instant falls in', () => {
    const coverage: FootageCoverage = {
      spans: [],
      gaps: [gap(t0, t0 + min)],
      coveredSeconds: 0,
      fraction: 0,
    };
    expect(gapAt(coverage, t0 + 30_000)?.reason).toBe('camera_offline');
    expect(gapAt(coverage, t0 + min)).toBeNull();
  });
});
