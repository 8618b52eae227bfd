import { describe, expect, it } from 'vitest';
import { bangkokIsoText, spanLength, thaiDate, thaiDateTime } from './letter-dates';

describe('letter dates', () => {
  it('reads an instant on the Bangkok clock with a Buddhist-Era year in Thai', () => {
    expect(thaiDateTime('2026-12-05T10:30:00Z')).toBe('5 ธันวาคม 2569 17:30:00 น.');
    expect(bangkokIsoText('2026-12-05T10:30:00Z')).toBe('2026-12-05T17:30:00+07:00');
  });

  it('moves to the next Bangkok day, and year, after 17:00 UTC', () => {
    // 31 Dec 2026 17:00 UTC is midnight of New Year's Day 2027 (BE 2570) in Bangkok, shown as 00, not 24.
    expect(thaiDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('1 มกราคม 2570 00:00:00 น.');
    expect(thaiDate('2026-12-31T16:59:59Z')).toBe('31 ธันวาคม 2569');
    // A clock shows the second that has begun.
    expect(thaiDateTime('2026-12-05T10:30:00.999Z')).toBe('5 ธันวาคม 2569 17:30:00 น.');
    expect(bangkokIsoText('2026-12-31T17:00:00.000Z')).toBe('2027-01-01T00:00:00+07:00');
  });

  it('passes an unparseable value through instead of throwing', () => {
    expect(thaiDateTime('not a time')).toBe('not a time');
    expect(bangkokIsoText('not a time')).toBe('not a time');
  });

  it('gives span lengths in both languages', () => {
    expect(spanLength('2026-12-05T10:00:00Z', '2026-12-05T11:05:03Z')).toEqual({
      th: '1 ชม. 5 นาที 3 วินาที',
      en: '1 h 5 min 3 s',
    });
    expect(spanLength('2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z')).toEqual({ th: '0 วินาที', en: '0 s' });
    expect(spanLength('x', '2026-12-05T10:00:00Z')).toBeNull();
  });
});
