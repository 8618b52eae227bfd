// Small: partitions follow Bangkok days, and only those past the retention expire.
import { describe, expect, it } from 'vitest';
import { bangkokDay, dayBounds, daysAhead, expiredPartitions } from './partitions';

describe('partitions', () => {
  it('names the Bangkok day, which starts at 17:00 UTC the day before', () => {
    expect(bangkokDay(Date.parse('2025-03-01T16:59:59Z'))).toBe('20250301');
    expect(bangkokDay(Date.parse('2025-03-01T17:00:00Z'))).toBe('20250302');
    expect(dayBounds('20250302')).toEqual({
      from: new Date('2025-03-01T17:00:00Z'),
      to: new Date('2025-03-02T17:00:00Z'),
    });
  });

  it('lists today and the days ahead across a month end', () => {
    expect(daysAhead(Date.parse('2025-02-28T12:00:00Z'), 2)).toEqual(['20250228', '20250301', '20250302']);
  });

  it('expires only day partitions older than the retention', () => {
    const now = Date.parse('2025-03-31T05:00:00Z');
    const names = [
      'gps_positions_20250228',
      'gps_positions_20250301',
      'gps_positions_20250331',
      'gps_positions_other',
    ];
    expect(expiredPartitions(names, now, 30)).toEqual(['gps_positions_20250228']);
  });
});
