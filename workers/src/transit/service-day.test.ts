// Small: service days in the feed's time zone, including a daylight-saving change, and the active services of a date.
import { describe, expect, it } from 'vitest';
import { activeServices, localDate, serviceDayStartMs, weekdayIndex } from './service-day';

describe('service days', () => {
  it('starts a Bangkok service day at local midnight', () => {
    expect(new Date(serviceDayStartMs('20250602', 'Asia/Bangkok')).toISOString()).toBe(
      '2025-06-01T17:00:00.000Z',
    );
  });

  it('counts from noon minus 12 h on a DST change day', () => {
    // 9 March 2025, Los Angeles springs forward: noon is 19:00Z, so the origin is 07:00Z (not local midnight, 08:00Z).
    expect(new Date(serviceDayStartMs('20250309', 'America/Los_Angeles')).toISOString()).toBe(
      '2025-03-09T07:00:00.000Z',
    );
    expect(new Date(serviceDayStartMs('20250310', 'America/Los_Angeles')).toISOString()).toBe(
      '2025-03-10T07:00:00.000Z',
    );
  });

  it('names the local date of an instant', () => {
    expect(localDate(Date.parse('2025-06-01T18:30:00Z'), 'Asia/Bangkok')).toBe('20250602');
    expect(localDate(Date.parse('2025-06-01T18:30:00Z'), 'America/Los_Angeles')).toBe('20250601');
    expect(weekdayIndex('20250602')).toBe(0);
  });

  it('applies calendar weekdays and ranges, then the date exceptions', () => {
    const cal = {
      calendar: new Map([
        [
          'weekday',
          { weekdays: [true, true, true, true, true, false, false], start: '20250101', end: '20251231' },
        ],
        [
          'sunday',
          { weekdays: [false, false, false, false, false, false, true], start: '20250101', end: '20251231' },
        ],
      ]),
      exceptions: new Map([
        [
          '20250602',
          new Map<string, 1 | 2>([
            ['weekday', 2],
            ['sunday', 1],
          ]),
        ],
      ]),
    };
    expect([...activeServices(cal, '20250603')]).toEqual(['weekday']);
    expect([...activeServices(cal, '20250602')]).toEqual(['sunday']);
    expect([...activeServices(cal, '20260105')]).toEqual([]);
  });
});
