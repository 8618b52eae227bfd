// Count error figures and the density where a count stops holding.
import { describe, expect, it } from 'vitest';
import { countError, holdsUpTo } from './crowd-count-stats';

describe('countError', () => {
  it('gives absolute and relative errors, negative when people are missed', () => {
    const e = countError([
      { truth: 10, counted: 5 },
      { truth: 20, counted: 22 },
    ]);
    expect(e.images).toBe(2);
    expect(e.mae).toBe(3.5);
    expect(e.meanRelError).toBeCloseTo((-0.5 + 0.1) / 2);
    expect(e.meanAbsRelError).toBeCloseTo((0.5 + 0.1) / 2);
    expect(e.meanTruth).toBe(15);
  });

  it('leaves out images with nobody in them (no relative error)', () => {
    expect(countError([{ truth: 0, counted: 1 }]).images).toBe(0);
  });
});

describe('holdsUpTo', () => {
  const level = (meanTruth: number, meanAbsRelError: number) => ({
    ...countError([]),
    meanTruth,
    meanAbsRelError,
    mae: meanTruth * meanAbsRelError,
  });

  it('is the densest level before the first one outside the tolerance', () => {
    expect(holdsUpTo([level(6, 0.05), level(25, 0.08), level(57, 0.3), level(100, 0.05)], 0.1)).toBe(25);
  });

  it('is null when even the sparsest level fails', () => {
    expect(holdsUpTo([{ ...level(6, 0.2), mae: 1.2 }], 0.1)).toBeNull();
  });

  it('accepts a small group off by at most one person', () => {
    expect(
      holdsUpTo(
        [
          { ...level(6, 0.15), mae: 0.9 },
          { ...level(25, 0.3), mae: 7 },
        ],
        0.1,
      ),
    ).toBe(6);
  });
});
