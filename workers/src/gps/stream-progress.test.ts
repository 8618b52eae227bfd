import { describe, expect, it } from 'vitest';
import { compareStreamIds } from './stream-progress';

describe('compareStreamIds', () => {
  it('orders by milliseconds, then by sequence, as numbers', () => {
    expect(compareStreamIds('10-0', '9-0')).toBe(1);
    expect(compareStreamIds('1700000000000-2', '1700000000000-10')).toBe(-1);
    expect(compareStreamIds('1700000000001-0', '1700000000000-99')).toBe(1);
    expect(compareStreamIds('5-5', '5-5')).toBe(0);
  });
});
