import { describe, expect, it } from 'vitest';
import { chapterTitle, chaptersMetadata, clockCues, clockSubtitles } from './clip-metadata';
import type { ClipPart } from './clip-plan';

const T0 = Date.parse('2026-12-05T10:30:00Z'); // 17:30:00 in Bangkok
const at = (s: number) => new Date(T0 + s * 1000);
const part = (fromS: number, toS: number, wallFromS: number, startedS = wallFromS): ClipPart => ({
  segment: { absPath: '/rec/x.mp4', startedAt: at(startedS), endedAt: at(startedS + 4) },
  fromS,
  toS,
  wallFrom: at(wallFromS),
  wallTo: at(wallFromS + toS - fromS),
});

/** The first segment from its keyframe at 1.0 s, a seamless second one, then 7.5 s offline. */
const parts = [part(0, 3, 1, 0), part(3, 7, 4), part(7, 9, 15.5)];

describe('chapters', () => {
  it('titles a chapter with the segment start in Bangkok, ISO-like and Thai', () => {
    expect(chapterTitle(at(0))).toBe('2026-12-05 17:30:00 +07:00 · 5 ธ.ค. 2569 17:30:00 น.');
  });

  it('writes one chapter per part in milliseconds', () => {
    const text = chaptersMetadata(parts);
    expect(text.startsWith(';FFMETADATA1\n')).toBe(true);
    expect(text.match(/\[CHAPTER\]/g)).toHaveLength(3);
    expect(text).toContain('START=3000\nEND=7000\ntitle=2026-12-05 17:30:04 +07:00');
    expect(text).toContain('START=7000\nEND=9000\ntitle=2026-12-05 17:30:15 +07:00');
  });
});

describe('subtitle clock', () => {
  it('runs a cue per wall second, jumping at the gap and splitting its half second', () => {
    const cues = clockCues(parts).map((c) => [c.fromMs, c.toMs, (c.wallMs - T0) / 1000]);
    expect(cues.slice(0, 2)).toEqual([
      [0, 1000, 1],
      [1000, 2000, 2],
    ]);
    // Across the seamless change at 3 s the clock simply runs on.
    expect(cues.find((c) => c[2] === 4)).toEqual([3000, 4000, 4]);
    // 17:30:07 is shown until the footage stops at 8 s wall; then 15.5 s wall is still second 15.
    expect(cues.slice(6)).toEqual([
      [6000, 7000, 7],
      [7000, 7500, 15],
      [7500, 8500, 16],
      [8500, 9000, 17],
    ]);
  });

  it('writes SRT with the Thai (Buddhist-Era) time and ISO', () => {
    const srt = clockSubtitles(parts);
    expect(
      srt.startsWith(
        '1\n00:00:00,000 --> 00:00:01,000\n5 ธ.ค. 2569 17:30:01 น.\n2026-12-05T17:30:01+07:00\n',
      ),
    ).toBe(true);
    expect(srt).toContain(
      '00:00:07,000 --> 00:00:07,500\n5 ธ.ค. 2569 17:30:15 น.\n2026-12-05T17:30:15+07:00\n',
    );
  });

  it('merges a second split by a seamless segment change', () => {
    const split = [part(0, 2.5, 0), part(2.5, 5, 2.5)];
    expect(clockCues(split).map((c) => [c.fromMs, c.toMs])).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3000],
      [3000, 4000],
      [4000, 5000],
    ]);
  });
});
