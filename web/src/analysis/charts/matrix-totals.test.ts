import { describe, expect, it } from 'vitest';
import { matrixTotals } from './matrix-totals';

describe('matrixTotals', () => {
  it('sums weekdays and hours, finds the largest cell, and treats missing cells as zero', () => {
    const matrix = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    matrix[0]![8] = 3; // Sunday 08:00
    matrix[5]![8] = 4; // Friday 08:00
    matrix[5]![23] = 1;
    const totals = matrixTotals(matrix.slice(0, 6)); // Saturday's row missing
    expect(totals.rows).toEqual([3, 0, 0, 0, 0, 5, 0]);
    expect(totals.columns[8]).toBe(7);
    expect(totals.columns[23]).toBe(1);
    expect(totals.columns).toHaveLength(24);
    expect(totals.total).toBe(8);
    expect(totals.max).toBe(4);
  });
});
