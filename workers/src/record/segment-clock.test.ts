import { describe, expect, it } from 'vitest';
import { SegmentClock } from './segment-clock';

describe('SegmentClock', () => {
  it('pulls a late first anchor back to when the first segment was seen closing', () => {
    const clock = new SegmentClock(1_000_000 + 3_000); // first frame arrived 3 s after stream time zero (probing)
    expect(clock.place(0, 10, 1_000_000 + 10_050)).toEqual({ startMs: 1_000_050, endMs: 1_010_050 });
  });

  it('keeps a run contiguous and ignores ordinary observation latency', () => {
    const clock = new SegmentClock(0);
    clock.place(0, 10, 10_000);
    expect(clock.place(10, 20, 20_400)).toEqual({ startMs: 10_000, endMs: 20_000 });
  });

  it('follows a camera clock that runs slow once the drift passes the tolerance', () => {
    const clock = new SegmentClock(0);
    clock.place(0, 10, 10_000);
    const drifted = clock.place(10, 20, 22_000);
    expect(drifted).toEqual({ startMs: 10_000, endMs: 22_000 });
  });

  it('places segments from the anchor alone when none was seen closing (recovery after a crash)', () => {
    expect(new SegmentClock(5_000).place(20, 30)).toEqual({ startMs: 25_000, endMs: 35_000 });
  });
});
