// Bangkok days: the day an instant falls on, and the instants a day spans, across UTC midnight.
import { describe, expect, it } from 'vitest';
import { bangkokDayOf, bangkokDayPeriod } from './bangkok-day';

describe('bangkokDayOf', () => {
  it('is the next calendar day from 17:00 UTC on', () => {
    expect(bangkokDayOf(new Date('2026-12-04T16:59:59.999Z'))).toBe('2026-12-04');
    expect(bangkokDayOf(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
  });
  it('turns the year at Bangkok midnight', () => {
    expect(bangkokDayOf(new Date('2026-12-31T17:10:00Z'))).toBe('2027-01-01');
  });
});

describe('bangkokDayPeriod', () => {
  it('spans from the Bangkok midnight before to the one after, 24 hours', () => {
    const { from, to } = bangkokDayPeriod('2026-12-05');
    expect(from.toISOString()).toBe('2026-12-04T17:00:00.000Z');
    expect(to.toISOString()).toBe('2026-12-05T17:00:00.000Z');
  });
  it('contains the instants whose day it is, and no other', () => {
    const { from, to } = bangkokDayPeriod('2026-03-01');
    expect(bangkokDayOf(from)).toBe('2026-03-01');
    expect(bangkokDayOf(new Date(to.getTime() - 1))).toBe('2026-03-01');
    expect(bangkokDayOf(to)).toBe('2026-03-02');
  });
});
