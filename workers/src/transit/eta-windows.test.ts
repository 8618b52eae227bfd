import { describe, expect, it } from 'vitest';
import { WindowScorer } from './eta-windows';

const MIN = 60_000;

describe('WindowScorer', () => {
  it('scores each prediction in the window of the minutes it looked ahead, early and late edges included', () => {
    const scorer = new WindowScorer();
    scorer.add(0, 2 * MIN, 2 * MIN + 90_000); // 0–3 min away, 90 s late: the edge, within
    scorer.add(0, 2 * MIN, 2 * MIN - 31_000); // 31 s early: outside −30 s
    scorer.add(0, 12 * MIN, 12 * MIN - 90_000); // 10–15 min away, 90 s early: within
    scorer.add(0, 8 * MIN, 8 * MIN + 211_000); // 6–10 min away, 211 s late: outside
    const s = scorer.scores();
    expect(s.buckets.b0_3).toEqual({ count: 2, withinPct: 50 });
    expect(s.buckets.b6_10).toEqual({ count: 1, withinPct: 0 });
    expect(s.buckets.b10_15).toEqual({ count: 1, withinPct: 100 });
    expect(s.buckets.b3_6.count).toBe(0);
    expect(s.withinWindowPct).toBe(50);
    expect(s.maeS).toBeCloseTo((90 + 31 + 90 + 211) / 4);
  });

  it('leaves out predictions in the past or more than 15 min ahead', () => {
    const scorer = new WindowScorer();
    scorer.add(10 * MIN, 9 * MIN, 9 * MIN);
    scorer.add(0, 15 * MIN, 15 * MIN);
    expect(scorer.scores()).toMatchObject({ predictions: 0, withinWindowPct: 0, maeS: 0 });
  });
});
