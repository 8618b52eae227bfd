import { describe, expect, it } from 'vitest';
import {
  clipTimeline,
  concatList,
  cutPoints,
  expectedDurationS,
  overlapping,
  windowGaps,
  type ClipSegment,
} from './clip-plan';

const T0 = Date.parse('2026-12-05T10:30:00Z');
const at = (s: number) => new Date(T0 + s * 1000);
const segment = (fromS: number, toS: number, name = `s${fromS}`): ClipSegment => ({
  absPath: `/rec/${name}.mp4`,
  startedAt: at(fromS),
  endedAt: at(toS),
});
const media = (durationS = 4) => ({ startS: 0, durationS });
const window = (fromS: number, toS: number) => ({ from: at(fromS), to: at(toS) });

/** Three 4 s segments, the camera offline 7.5 s between the second and third. */
const segments = [segment(0, 4), segment(4, 8), segment(15.5, 19.5)];

describe('overlapping', () => {
  it('keeps segments with footage inside the window, by start, not those touching its edge', () => {
    const shuffled = [segments[2]!, segments[0]!, segments[1]!];
    expect(overlapping(shuffled, window(4, 16))).toEqual([segments[1], segments[2]]);
    expect(overlapping(segments, window(8, 15.5))).toEqual([]);
  });
});

describe('windowGaps', () => {
  it('names the window before the first segment, between two, and after the last', () => {
    expect(windowGaps(segments, window(-2, 21))).toEqual([
      { from: at(-2), to: at(0) },
      { from: at(8), to: at(15.5) },
      { from: at(19.5), to: at(21) },
    ]);
  });

  it('finds none in a window inside continuous footage, and tolerates overlapping segments', () => {
    expect(windowGaps(segments.slice(0, 2), window(1, 7))).toEqual([]);
    expect(windowGaps([segment(0, 5), segment(4, 8)], window(0, 8))).toEqual([]);
  });
});

describe('cutPoints', () => {
  it('cuts the first segment at the window start and the last at its end, others whole', () => {
    const pieces = cutPoints(segments, [media(), media(), media()], window(1.5, 17.25));
    expect(pieces.map((p) => [p.inpointS, p.outpointS])).toEqual([
      [1.5, null],
      [null, null],
      [null, 1.75],
    ]);
  });

  it('maps the wall clock onto the media linearly when the two lengths differ', () => {
    const [piece] = cutPoints([segment(0, 4)], [media(4.4)], window(2, 3));
    expect(piece!.inpointS).toBeCloseTo(2.2, 6);
    expect(piece!.outpointS).toBeCloseTo(3.3, 6);
  });
});

describe('concatList', () => {
  it('lists files quoted, with their points', () => {
    const pieces = cutPoints([segment(0, 4, "it's")], [media()], window(1, 2));
    expect(concatList(pieces)).toBe(
      "ffconcat version 1.0\nfile '/rec/it'\\''s.mp4'\ninpoint 1.000000\noutpoint 2.000000\n",
    );
  });
});

describe('clipTimeline', () => {
  // Measured with ffmpeg 5.1: a 1 s GOP, in point 1.5 s: the concat demuxer starts at the keyframe at 1.0 s, so its
  // first timestamp is -0.5 s, which becomes the output's zero.
  const pieces = cutPoints(segments, [media(), media(), media()], window(1.5, 17.5));

  it('expects the keyframe lead plus every piece', () => {
    expect(expectedDurationS(pieces, -0.5)).toBeCloseTo(0.5 + 2.5 + 4 + 2, 9);
  });

  it('places each segment in the output and on the wall clock, the first from its keyframe', () => {
    const parts = clipTimeline(pieces, -0.5, 9);
    expect(parts.map((p) => [p.fromS, p.toS])).toEqual([
      [0, 3],
      [3, 7],
      [7, 9],
    ]);
    expect(parts.map((p) => [p.wallFrom, p.wallTo])).toEqual([
      [at(1), at(4)],
      [at(4), at(8)],
      [at(15.5), at(17.5)],
    ]);
  });

  it('ends at the real output length, dropping pieces past it', () => {
    const parts = clipTimeline(pieces, -0.5, 6);
    expect(parts.map((p) => [p.fromS, p.toS])).toEqual([
      [0, 3],
      [3, 6],
    ]);
    expect(parts[1]!.wallTo).toEqual(at(7));
  });
});
