// Wall clock ↔ media time over segments with a gap in the footage between them.
import { describe, expect, it } from 'vitest';
import { mediaTimeAt, wallClockAt, wallClockRange, type TimedFragment } from './media-time';

const T0 = Date.parse('2031-03-13T07:00:00Z'); // 14:00 in Bangkok
// Two 10-second segments back to back, then 5 minutes without footage, then one more: 30 s of media in all.
const FRAGMENTS: TimedFragment[] = [
  { start: 0, duration: 10, programDateTime: T0 },
  { start: 10, duration: 10, programDateTime: T0 + 10_000 },
  { start: 20, duration: 10, programDateTime: T0 + 320_000 },
];

describe('wallClockAt', () => {
  it('adds the offset into the segment to its wall-clock start', () => {
    expect(wallClockAt(FRAGMENTS, 0)).toBe(T0);
    expect(wallClockAt(FRAGMENTS, 12.04)).toBe(T0 + 12_040);
  });
  it('jumps over the gap: the first frame after it shows the time recording resumed', () => {
    expect(wallClockAt(FRAGMENTS, 19.96)).toBe(T0 + 19_960);
    expect(wallClockAt(FRAGMENTS, 20)).toBe(T0 + 320_000);
    expect(wallClockAt(FRAGMENTS, 25.5)).toBe(T0 + 325_500);
  });
  it('measures from the nearest segment outside them, and knows nothing without dates', () => {
    expect(wallClockAt(FRAGMENTS, 30.02)).toBe(T0 + 330_020);
    expect(wallClockAt(FRAGMENTS, -0.5)).toBe(T0 - 500);
    expect(wallClockAt([], 3)).toBeNull();
    expect(wallClockAt([{ start: 0, duration: 10, programDateTime: null }], 3)).toBeNull();
  });
});

describe('mediaTimeAt', () => {
  it('finds an instant inside a segment exactly', () => {
    expect(mediaTimeAt(FRAGMENTS, T0 + 12_500)).toEqual({ mediaTime: 12.5, exact: true });
    expect(mediaTimeAt(FRAGMENTS, T0 + 320_000)).toEqual({ mediaTime: 20, exact: true });
  });
  it('inside the gap, takes the next recorded moment going forward and the last one going back', () => {
    expect(mediaTimeAt(FRAGMENTS, T0 + 60_000, 'next')).toEqual({ mediaTime: 20, exact: false });
    const back = mediaTimeAt(FRAGMENTS, T0 + 60_000, 'previous');
    expect(back?.exact).toBe(false);
    expect(back?.mediaTime).toBeCloseTo(19.95);
  });
  it('is null with nothing that way', () => {
    expect(mediaTimeAt(FRAGMENTS, T0 + 400_000, 'next')).toBeNull();
    expect(mediaTimeAt(FRAGMENTS, T0 - 1, 'previous')).toBeNull();
    expect(mediaTimeAt(FRAGMENTS, T0 - 1, 'next')).toEqual({ mediaTime: 0, exact: false });
  });
  it('counts an instant a hair before a segment as its start, within the tolerance', () => {
    const apart: TimedFragment[] = [
      { start: 0, duration: 9.96, programDateTime: T0 },
      { start: 9.96, duration: 10, programDateTime: T0 + 10_000 },
    ];
    expect(mediaTimeAt(apart, T0 + 9_980, 'next', 500)).toEqual({ mediaTime: 9.96, exact: true });
    expect(mediaTimeAt(apart, T0 + 9_980, 'next')).toEqual({ mediaTime: 9.96, exact: false });
  });
  it('round-trips with wallClockAt', () => {
    for (const wall of [T0 + 1, T0 + 9_999, T0 + 10_000, T0 + 329_960]) {
      expect(wallClockAt(FRAGMENTS, mediaTimeAt(FRAGMENTS, wall)!.mediaTime)).toBeCloseTo(wall, 6);
    }
  });
});

describe('wallClockRange', () => {
  it('runs from the first start to the last end', () => {
    expect(wallClockRange(FRAGMENTS)).toEqual({ from: T0, to: T0 + 330_000 });
    expect(wallClockRange([])).toBeNull();
  });
});
