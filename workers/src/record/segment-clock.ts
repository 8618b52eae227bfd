// Places segments on the worker's wall clock: stream seconds from the muxer's list, plus the wall-clock instant that
// stream time zero happened (the anchor), corrected from when each segment is seen to close.

/** Above this a segment seen closing later than the anchor predicts means the camera's clock runs slow: re-anchor. */
const LATE_TOLERANCE_MS = 1_500;

export interface PlacedSegment {
  startMs: number;
  endMs: number;
}

/**
 * The first anchor comes from the first decoded frame, which arrives after ffmpeg has probed the stream (late by up to
 * a few seconds). A segment closes when the first packet of the next one arrives, so "seen closed at W" bounds the
 * anchor from above by W − end: an earlier candidate always replaces the anchor (less latency), a much later one only
 * when the camera's clock has drifted. Segments of one run stay contiguous: each starts where the previous ended.
 */
export class SegmentClock {
  constructor(
    private anchorMs: number,
    private previousEndMs: number | null = null,
  ) {}

  get anchor(): number {
    return this.anchorMs;
  }

  place(startS: number, endS: number, seenClosedAtMs?: number): PlacedSegment {
    if (seenClosedAtMs !== undefined) {
      const candidate = seenClosedAtMs - endS * 1000;
      if (candidate < this.anchorMs || candidate > this.anchorMs + LATE_TOLERANCE_MS)
        this.anchorMs = candidate;
    }
    const startMs = this.previousEndMs ?? this.anchorMs + startS * 1000;
    const endMs = Math.max(startMs + 1, this.anchorMs + endS * 1000);
    this.previousEndMs = endMs;
    return { startMs: Math.round(startMs), endMs: Math.round(endMs) };
  }

  /** A segment the list never named (cut short by a crash): it follows the previous one for its readable length. */
  follow(durationMs: number): PlacedSegment {
    const startMs = this.previousEndMs ?? this.anchorMs;
    const endMs = startMs + Math.max(1, durationMs);
    this.previousEndMs = endMs;
    return { startMs: Math.round(startMs), endMs: Math.round(endMs) };
  }
}
