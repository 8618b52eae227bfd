import { describe, expect, it } from 'vitest';
import { bestCellAspect, DEFAULT_CELL_ASPECT, pictureCoverage } from './cell-aspect';

describe('pictureCoverage', () => {
  it('is whole for a picture of the cell’s shape and three quarters for 4:3 in 16:9 or the reverse', () => {
    expect(pictureCoverage(16 / 9, 16 / 9)).toBe(1);
    expect(pictureCoverage(4 / 3, 16 / 9)).toBeCloseTo(0.75);
    expect(pictureCoverage(16 / 9, 4 / 3)).toBeCloseTo(0.75);
  });
});

describe('bestCellAspect', () => {
  it('is 16:9 before any frame arrives', () => {
    expect(bestCellAspect([])).toBe(DEFAULT_CELL_ASPECT);
    expect(bestCellAspect([Number.NaN, 0])).toBe(DEFAULT_CELL_ASPECT);
  });

  it('takes the shape most tiles have', () => {
    expect(bestCellAspect([4 / 3, 4 / 3, 16 / 9])).toBeCloseTo(4 / 3);
    expect(bestCellAspect([640 / 360, 640 / 352, 768 / 576])).toBeCloseTo(640 / 360);
  });

  it('keeps the first tile’s shape on a tie', () => {
    expect(bestCellAspect([4 / 3, 16 / 9])).toBeCloseTo(4 / 3);
    expect(bestCellAspect([16 / 9, 4 / 3])).toBeCloseTo(16 / 9);
  });
});
