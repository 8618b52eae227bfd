import { describe, expect, it } from 'vitest';
import { hourRange } from './crash-filter-form';

describe('hourRange', () => {
  it('lists the hours from the first to the last, inclusive', () => {
    expect(hourRange(7, 9)).toEqual([7, 8, 9]);
  });
  it('crosses midnight when the last hour comes before the first (a night)', () => {
    expect(hourRange(22, 2)).toEqual([22, 23, 0, 1, 2]);
  });
  it('is no filter for the whole day', () => {
    expect(hourRange(0, 23)).toEqual([]);
  });
});
