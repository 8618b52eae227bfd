import { describe, expect, it } from 'vitest';
import { lastWeek, periodInstants } from './report-period';

describe('periodInstants', () => {
  it('runs from the first Bangkok midnight to the midnight after the last day', () => {
    expect(periodInstants('2026-11-20', '2026-11-21')).toEqual({
      from: new Date('2026-11-19T17:00:00Z'),
      to: new Date('2026-11-21T17:00:00Z'),
    });
  });

  it('says what is wrong with an incomplete, reversed or too long period', () => {
    expect(periodInstants('', '2026-11-21')).toBe('incomplete');
    expect(periodInstants('2026-11-22', '2026-11-21')).toBe('reversed');
    expect(periodInstants('2026-01-01', '2026-06-30')).toBe('tooLong');
    expect(periodInstants('2026-11-21', '2026-11-21')).not.toBeTypeOf('string');
  });
});

describe('lastWeek', () => {
  it('ends on the Bangkok date of now, even when it is still the day before in UTC', () => {
    expect(lastWeek(new Date('2026-11-21T18:30:00Z'))).toEqual({
      firstDay: '2026-11-16',
      lastDay: '2026-11-22',
    });
  });
});
