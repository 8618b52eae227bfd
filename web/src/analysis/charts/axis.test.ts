import { describe, expect, it } from 'vitest';
import { fitLabels, niceTicks, textWidth } from './axis';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten up to a round value at or above the maximum', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1200)).toEqual([0, 500, 1000, 1500]);
  });

  it('never steps by less than one crash, and copes with an empty chart', () => {
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('fitLabels', () => {
  it('skips labels that overlap the one kept before them or stick out of the axis', () => {
    const labels = [
      { x: 2, width: 20 }, // sticks out on the left
      { x: 30, width: 20 },
      { x: 40, width: 20 }, // overlaps the previous one
      { x: 70, width: 20 },
      { x: 98, width: 20 }, // sticks out on the right
    ];
    expect(fitLabels(labels, 0, 100)).toEqual([1, 3]);
  });
});

describe('textWidth', () => {
  it('gives Thai vowel marks and dots no or little width', () => {
    expect(textWidth('Mar', 10)).toBeCloseTo(18);
    expect(textWidth('มี.ค.', 10)).toBeCloseTo(18);
    expect(textWidth('2555', 10)).toBeCloseTo(24);
  });
});
