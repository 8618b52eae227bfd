// Small: the GPS filters refuse bad fixes for the right reason and keep late ones as history.
import { describe, expect, it } from 'vitest';
import { filterFix, type DeviceFilterState, type FilterInput, type FilterLimits } from './filters';

const limits: FilterLimits = {
  maxSpeedKmh: 200,
  maxAgeMs: 7 * 86_400_000,
  futureToleranceMs: 60_000,
  jumpResetCount: 3,
};
const now = Date.parse('2025-03-01T05:00:00Z');
const at = (secondsAgo: number, lat = 13.69, lon = 101.07, accuracyM: number | null = null): FilterInput => ({
  lat,
  lon,
  t: now - secondsAgo * 1000,
  accuracyM,
});

/** Runs fixes through the filters in order, as the worker does for one device. */
function run(fixes: FilterInput[], start: DeviceFilterState | null = null) {
  let state = start;
  return fixes.map((fix) => {
    const result = filterFix(state, fix, now, limits);
    state = result.state;
    return result.verdict;
  });
}

describe('filterFix', () => {
  it('accepts a first fix and a plausible next one as current', () => {
    // 13.69 → 13.691 is about 111 m in 10 s: 40 km/h.
    expect(run([at(20), at(10, 13.691)])).toEqual(['current', 'current']);
  });

  it('refuses invalid and zero coordinates', () => {
    expect(run([at(5, 95, 101), at(5, 13, 181), at(5, Number.NaN, 101), at(5, 0, 0)])).toEqual([
      'invalid_coordinates',
      'invalid_coordinates',
      'invalid_coordinates',
      'zero_coordinates',
    ]);
  });

  it('refuses timestamps in the future and too old ones', () => {
    expect(run([at(-61), at(-30), at(8 * 86_400)])).toEqual(['future_timestamp', 'current', 'too_old']);
  });

  it('refuses a duplicate of the same device and time, also of a history fix', () => {
    expect(run([at(10), at(10), at(30), at(30)])).toEqual(['current', 'duplicate', 'history', 'duplicate']);
  });

  it('keeps an out-of-order fix as history without moving the current position', () => {
    const first = filterFix(null, at(10), now, limits).state;
    const late = filterFix(first, at(60, 13.5), now, limits);
    expect(late.verdict).toBe('history');
    expect(late.state).toMatchObject({ t: first!.t, lat: first!.lat });
  });

  it('refuses an impossible jump, allowing for the accuracy of both fixes', () => {
    // About 1.1 km in 10 s is 400 km/h.
    expect(run([at(20), at(10, 13.7)])).toEqual(['current', 'impossible_jump']);
    // The same move with two fixes each ±600 m accurate is possible.
    expect(run([at(20, 13.69, 101.07, 600), at(10, 13.7, 101.07, 600)])).toEqual(['current', 'current']);
  });

  it('believes the device after jumps in a row (the earlier fix was the outlier)', () => {
    expect(run([at(40), at(30, 13.8), at(20, 13.8001), at(10, 13.8002)])).toEqual([
      'current',
      'impossible_jump',
      'impossible_jump',
      'current',
    ]);
  });

  it('does not change the state it was given', () => {
    const state: DeviceFilterState = {
      t: now - 20_000,
      lon: 101.07,
      lat: 13.69,
      acc: null,
      recent: [now - 20_000],
      jumps: 0,
    };
    const copy = structuredClone(state);
    run([at(10, 13.691), at(30), at(5, 14)], state);
    expect(state).toEqual(copy);
  });
});
