import { describe, expect, it } from 'vitest';
import { formatFixed, formatPValue } from './numbers';

describe('formatFixed', () => {
  it('keeps exactly the decimals asked for, grouped', () => {
    expect(formatFixed(1234.56, 1, 'en')).toBe('1,234.6');
    expect(formatFixed(3, 1, 'th')).toBe('3.0');
  });
});

describe('formatPValue', () => {
  it('never shows zero', () => {
    expect(formatPValue(0.0321, 'en')).toBe('0.0321');
    expect(formatPValue(0, 'en')).toBe('< 0.0001');
  });
});
