import { describe, expect, it } from 'vitest';
import { monthShort, yearLabel } from './calendar-labels';

describe('monthShort', () => {
  it('names months in Thai and English', () => {
    expect(monthShort(3, 'th')).toBe('มี.ค.');
    expect(monthShort(3, 'en')).toBe('Mar');
    expect(monthShort(12, 'en')).toBe('Dec');
  });
});

describe('yearLabel', () => {
  it('gives the Buddhist-Era year in Thai and the Gregorian one in English', () => {
    expect(yearLabel({ year: 2012, yearBe: 2555 }, 'th')).toBe('2555');
    expect(yearLabel({ year: 2012, yearBe: 2555 }, 'en')).toBe('2012');
  });
});
