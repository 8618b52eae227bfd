// The shift page's day: whole calendar days, stepping, where the log ends, and the day written out (BE in Thai).
import { describe, expect, it } from 'vitest';
import { addDays, bangkokToday, formatCalendarDay, isCalendarDay, logEndFor } from './shift-day';

describe('isCalendarDay', () => {
  it('takes a whole, real day only', () => {
    expect(isCalendarDay('2031-03-13')).toBe(true);
    expect(isCalendarDay('2032-02-29')).toBe(true);
    for (const text of ['2031-02-29', '2031-13-01', '2031-3-13', '', '2031-03-13T00:00'])
      expect(isCalendarDay(text), text).toBe(false);
  });
});

describe('bangkokToday', () => {
  it('is the Bangkok day: 23:50 there is still that day, 00:10 the next', () => {
    expect(bangkokToday(new Date('2031-03-13T16:50:00Z'))).toBe('2031-03-13');
    expect(bangkokToday(new Date('2031-03-13T17:10:00Z'))).toBe('2031-03-14');
  });
});

describe('addDays', () => {
  it('steps over month and year ends and leap days', () => {
    expect(addDays('2031-03-01', -1)).toBe('2031-02-28');
    expect(addDays('2032-02-28', 1)).toBe('2032-02-29');
    expect(addDays('2031-12-31', 1)).toBe('2032-01-01');
  });
});

describe('logEndFor', () => {
  it('sets no end for today (the newest entries), and the Bangkok midnight after a past day', () => {
    expect(logEndFor('2031-03-14', '2031-03-14')).toBeUndefined();
    expect(logEndFor('2031-03-13', '2031-03-14')).toBe('2031-03-13T17:00:00.000Z');
  });
});

describe('formatCalendarDay', () => {
  it('writes the Buddhist-Era year in Thai and the Gregorian one in English, for the day itself', () => {
    expect(formatCalendarDay('2031-03-13', 'th')).toContain('2574');
    expect(formatCalendarDay('2031-03-13', 'th')).toContain('13');
    expect(formatCalendarDay('2031-03-13', 'en')).toContain('2031');
    expect(formatCalendarDay('2031-03-13', 'en')).toContain('13 March');
  });
  it('leaves what is no day as it is', () => {
    expect(formatCalendarDay('2031-02-30', 'en')).toBe('2031-02-30');
  });
});
