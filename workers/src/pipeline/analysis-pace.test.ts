// Small: a camera analysing too few of its frames is behind, and caught up only after keeping pace for a while.
import { describe, expect, it } from 'vitest';
import { createPaceState, observePace, type AnalysisPace } from './analysis-pace';

/** Feeds frames every `everyMs` from `fromMs` to `toMs` (exclusive); the pace after each. */
function feed(
  state = createPaceState(),
  fromMs: number,
  toMs: number,
  everyMs: number,
  fps = 5,
): AnalysisPace[] {
  const paces: AnalysisPace[] = [];
  for (let t = fromMs; t < toMs; t += everyMs) paces.push(observePace(state, t, fps));
  return paces;
}

describe('observePace', () => {
  it('keeps a camera analysing every frame at its full rate, never behind', () => {
    const paces = feed(undefined, 0, 30_000, 200);
    expect(paces.some((p) => p.behind)).toBe(false);
    expect(paces.at(-1)).toMatchObject({ expectedFps: 5, analysedFps: 5, share: 1, behindSince: null });
  });

  it('keeps pace at two frames in three (a busy worker that still follows its tracks)', () => {
    const state = createPaceState();
    const paces: AnalysisPace[] = [];
    for (let i = 0; i < 200; i++) if (i % 3 !== 0) paces.push(observePace(state, i * 200, 5));
    expect(paces.some((p) => p.behind)).toBe(false);
    expect(paces.at(-1)!.share).toBeCloseTo(0.67, 1);
  });

  it('calls a camera analysing fewer than half its frames behind, from when the share fell', () => {
    const state = createPaceState();
    feed(state, 0, 10_000, 200);
    const slow = feed(state, 10_000, 30_000, 600);
    const first = slow.findIndex((p) => p.behind);
    expect(first).toBeGreaterThan(0);
    expect(slow[first]!.share).toBeLessThan(0.5);
    expect(slow.at(-1)).toMatchObject({ behind: true, behindSince: slow[first]!.behindSince });
    expect(slow.at(-1)!.analysedFps).toBeCloseTo(1.67, 1);
  });

  it('stays behind until the share held above 80 % for five seconds', () => {
    const state = createPaceState();
    feed(state, 0, 20_000, 600);
    expect(observePace(state, 20_000, 5).behind).toBe(true);
    const back = feed(state, 20_200, 40_000, 200);
    const caughtUp = back.findIndex((p) => !p.behind);
    expect(caughtUp).toBeGreaterThan(0);
    // The window must first fill with full-rate frames (share ≥ 0.8), then five more seconds pass.
    const recoveredAt = 20_200 + caughtUp * 200;
    expect(recoveredAt).toBeGreaterThanOrEqual(20_000 + 5_000 + 5_000);
    expect(back.slice(caughtUp).every((p) => !p.behind)).toBe(true);
  });

  it('gives no verdict in the first seconds of a camera (two frames make no rate)', () => {
    const state = createPaceState();
    expect(observePace(state, 0, 5).behind).toBe(false);
    expect(observePace(state, 1_500, 5).behind).toBe(false);
  });

  it('sees a pause in the analysis as frames missing', () => {
    const state = createPaceState();
    feed(state, 0, 5_000, 200);
    // Nothing analysed for eight seconds (the process stalled), then frames again.
    expect(observePace(state, 13_000, 5)).toMatchObject({ behind: true });
  });
});
