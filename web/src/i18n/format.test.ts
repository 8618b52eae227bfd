// Times in lists carry their day when it is not today in Bangkok, with Buddhist-Era years in Thai.
import { describe, expect, it } from 'vitest';
import { formatListTime } from './format';

/** 01:00 on 5 December 2026 in Bangkok. */
const NOW = new Date('2026-12-04T18:00:00Z');

describe('formatListTime', () => {
  it('shows only the time for today in Bangkok, even when it is yesterday in UTC', () => {
    // 00:10 on 5 December in Bangkok is 17:10 on 4 December in UTC.
    expect(formatListTime('2026-12-04T17:10:00Z', 'en', NOW)).toBe('00:10:00');
  });

  it('adds the day to a time from before Bangkok midnight', () => {
    // 23:48 on 4 December in Bangkok.
    expect(formatListTime('2026-12-04T16:48:00Z', 'en', NOW)).toBe('4 Dec, 23:48');
    expect(formatListTime('2026-12-04T16:48:00Z', 'th', NOW)).toMatch(/^4 ธ\.ค\. 23:48$/);
  });

  it('adds the year when it is another year, in the Buddhist Era in Thai', () => {
    const newYear = new Date('2027-01-01T01:00:00Z'); // 08:00 on 1 January 2027 in Bangkok
    expect(formatListTime('2026-12-31T16:30:00Z', 'en', newYear)).toBe('31 Dec 2026, 23:30');
    expect(formatListTime('2026-12-31T16:30:00Z', 'th', newYear)).toMatch(/^31 ธ\.ค\. 2569 23:30$/);
  });

  it('gives nothing for a value that is no date', () => {
    expect(formatListTime('not a date', 'en', NOW)).toBe('');
  });
});
