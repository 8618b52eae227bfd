// Small: the demo timetable's service period follows the day it is built, on the Bangkok calendar.
import { describe, expect, it } from 'vitest';
import { demoServicePeriod } from './build-demo-network';

describe('demoServicePeriod', () => {
  it('runs from the start of last year to the end of the tenth year after the build', () => {
    expect(demoServicePeriod(new Date('2026-12-04T12:00:00Z'))).toEqual({ startDate: '20250101', endDate: '20361231' });
  });

  it('counts the year in Bangkok: built at 00:30 on 1 January there, it is already the new year', () => {
    expect(demoServicePeriod(new Date('2026-12-31T17:30:00Z'))).toEqual({ startDate: '20260101', endDate: '20371231' });
  });
});
