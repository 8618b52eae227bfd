// Small tests for the minutes shown on the sign and in the stop popup.
import { describe, expect, it } from 'vitest';
import { arrivalWhen, upcoming } from './arrival-time';

const now = Date.parse('2026-11-22T10:00:00.000Z');
const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

describe('arrivalWhen', () => {
  it('says "now" at the stop (or just past it), "due" under a minute, and whole minutes rounded down after', () => {
    expect(arrivalWhen(at(-30), now)).toEqual({ kind: 'now' });
    expect(arrivalWhen(at(10), now)).toEqual({ kind: 'now' });
    expect(arrivalWhen(at(45), now)).toEqual({ kind: 'due' });
    expect(arrivalWhen(at(60), now)).toEqual({ kind: 'minutes', minutes: 1 });
    expect(arrivalWhen(at(179), now)).toEqual({ kind: 'minutes', minutes: 2 });
    expect(arrivalWhen(at(3600), now)).toEqual({ kind: 'minutes', minutes: 60 });
  });
});

describe('upcoming', () => {
  it('sorts soonest first, drops arrivals well in the past, and keeps the limit', () => {
    const arrivals = [{ predictedAt: at(600) }, { predictedAt: at(-120) }, { predictedAt: at(30) }, { predictedAt: at(-10) }, { predictedAt: at(900) }];
    expect(upcoming(arrivals, now, 3).map((a) => a.predictedAt)).toEqual([at(-10), at(30), at(600)]);
  });
});
