// Small: DOH dates, times and years — BE or Gregorian, the formats of different years, Bangkok time to UTC.
import { describe, expect, it } from 'vitest';
import { gregorianYear, isRejection, parseDohDate, parseDohTime, parseDohWhen } from './doh-dates';

describe('parseDohDate', () => {
  it('reads the formats of the different years, BE or Gregorian', () => {
    const day = { year: 2024, month: 3, day: 5 };
    for (const text of [
      '05/03/2024',
      '5/3/2024',
      '05-03-2024',
      '2024-03-05',
      '05/03/2567',
      '5/3/2567',
      '2567-03-05',
    ]) {
      expect(parseDohDate(text), text).toEqual(day);
    }
  });

  it('refuses impossible days, checking leap years after the BE conversion', () => {
    expect(parseDohDate('29/02/2555')).toEqual({ year: 2012, month: 2, day: 29 });
    for (const text of ['31/02/2012', '29/02/2556', '00/01/2012', '01/13/2012']) {
      const result = parseDohDate(text);
      expect(isRejection(result) && result.reason, text).toBe(`date "${text}" does not exist`);
    }
  });

  it('never guesses a two-digit year', () => {
    const result = parseDohDate('05/03/67');
    expect(isRejection(result)).toBe(true);
    expect(isRejection(result) && result.reason).toMatch(/two-digit year "67"/);
    expect(isRejection(result) && result.reasonTh).toMatch(/สองหลัก/);
  });

  it('refuses text that is no date, and an empty date', () => {
    for (const text of ['', 'yesterday', '2012/1', '1 ม.ค. 2555'])
      expect(isRejection(parseDohDate(text)), text).toBe(true);
  });
});

describe('years', () => {
  it('takes 4-digit BE (2400 on) or Gregorian years', () => {
    expect(gregorianYear('2555')).toBe(2012);
    expect(gregorianYear('2567')).toBe(2024);
    expect(gregorianYear('2012')).toBe(2012);
    for (const text of ['67', '12', '1850', '2300', 'ปี'])
      expect(isRejection(gregorianYear(text)), text).toBe(true);
  });
});

describe('parseDohTime', () => {
  it('reads HH:MM, H:MM, HH.MM and HH:MM:SS, and an ending น.', () => {
    for (const text of ['07:05', '7:05', '07.05', '07:05:00', '07.05 น.']) {
      expect(parseDohTime(text), text).toEqual({ hour: 7, minute: 5, second: 0 });
    }
    expect(parseDohTime('23:59:59')).toEqual({ hour: 23, minute: 59, second: 59 });
    expect(parseDohTime(' ')).toBeNull();
    for (const text of ['24:00', '12:60', '7', 'noon'])
      expect(isRejection(parseDohTime(text)), text).toBe(true);
  });
});

describe('parseDohWhen', () => {
  it('turns Bangkok time (UTC+7) into UTC, across midnight', () => {
    expect(parseDohWhen('01/01/2012', '01:50', '2012')).toEqual({
      occurredAt: '2011-12-31T18:50:00.000Z',
      year: 2012,
      notes: [],
    });
    expect(parseDohWhen('01/01/2555', '13:00', '2555')).toEqual(parseDohWhen('2012-01-01', '13:00', '2012'));
  });

  it('keeps a crash without a time at 00:00 and notes it', () => {
    expect(parseDohWhen('15/06/2012', '')).toEqual({
      occurredAt: '2012-06-14T17:00:00.000Z',
      year: 2012,
      notes: ['time not given: 00:00 assumed'],
    });
  });

  it('accepts a BE year column with a Gregorian date, and refuses one that disagrees', () => {
    expect(parseDohWhen('15/06/2012', '10:00', '2555')).not.toHaveProperty('reason');
    const result = parseDohWhen('15/06/2012', '10:00', '2556');
    expect(result).toEqual({
      reason: 'year 2556 (2013) disagrees with the date 15/06/2012 (2012)',
      reasonTh: 'ปีที่เกิดเหตุ 2556 (ค.ศ. 2013) ไม่ตรงกับวันที่เกิดเหตุ 15/06/2012 (ค.ศ. 2012)',
    });
  });

  it('refuses a bad time rather than dropping it', () => {
    expect(isRejection(parseDohWhen('15/06/2012', '25:10'))).toBe(true);
  });
});
