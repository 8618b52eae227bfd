// The clip's wall-clock metadata as ffmpeg inputs: chapters (one per segment) as lines of the concat list with their
// titles as ffmpeg arguments, and a subtitle clock (Bangkok time of every second, Thai and ISO) as SRT, both mapped
// through the segments so a gap shows as a jump.
import { bangkokIso, bangkokReadable, bangkokThai } from './bangkok-clock';
import type { ClipPart } from './clip-plan';

/** e.g. `2026-12-05 17:30:00 +07:00 · 5 ธ.ค. 2569 17:30:00 น.` */
export const chapterTitle = (at: Date) => `${bangkokReadable(at)} · ${bangkokThai(at)}`;

/** A chapter's place in the clip, in whole milliseconds (as ffmetadata chapters had it). */
const clipSeconds = (s: number) => Math.round(s * 1000) / 1000;

/**
 * One chapter per segment used, from its first to its last second in the clip, as ffconcat `chapter` lines. They are
 * on the concat demuxer's timeline, which ffmpeg shifts by its start to the clip's zero: so each is placed at its clip
 * time plus `concatStartS`. In the list rather than an ffmetadata input: in ffmpeg 5.1 every input beyond the first
 * runs on a thread of its own, and that one cost a cut about a third more CPU.
 */
export function concatChapters(parts: readonly ClipPart[], concatStartS: number): string {
  return parts
    .map((part, i) => {
      const [from, to] = [part.fromS, part.toS].map((s) => (concatStartS + clipSeconds(s)).toFixed(6));
      return `chapter ${i} ${from} ${to}\n`;
    })
    .join('');
}

/** The chapters' titles (each segment's Bangkok start) as ffmpeg arguments: a concat list cannot title a chapter. */
export const chapterTitleArguments = (parts: readonly ClipPart[]): string[] =>
  parts.flatMap((part, i) => [`-metadata:c:${i}`, `title=${chapterTitle(part.segment.startedAt)}`]);

export interface ClockCue {
  fromMs: number;
  toMs: number;
  /** The wall-clock second shown (epoch ms, whole seconds). */
  wallMs: number;
}

/**
 * One cue per wall-clock second shown: inside a part the clock runs with the footage, at a part's end it jumps to the
 * next segment's time. Cues are in whole output milliseconds; a second split by a seamless segment change stays one cue.
 */
export function clockCues(parts: readonly ClipPart[]): ClockCue[] {
  const cues: ClockCue[] = [];
  for (const part of parts) {
    const wallFrom = part.wallFrom.getTime();
    const wallTo = part.wallTo.getTime();
    const outAt = (wallMs: number) =>
      wallTo > wallFrom
        ? part.fromS + ((wallMs - wallFrom) / (wallTo - wallFrom)) * (part.toS - part.fromS)
        : part.toS;
    for (let second = Math.floor(wallFrom / 1000) * 1000; second < wallTo; second += 1000) {
      const fromMs = Math.round(Math.max(part.fromS, outAt(second)) * 1000);
      const toMs = Math.round(Math.min(part.toS, outAt(second + 1000)) * 1000);
      if (toMs <= fromMs) continue;
      const previous = cues[cues.length - 1];
      if (previous && previous.wallMs === second && previous.toMs === fromMs) previous.toMs = toMs;
      else cues.push({ fromMs, toMs, wallMs: second });
    }
  }
  return cues;
}

const srtTime = (totalMs: number) => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(totalMs / 3_600_000);
  const m = Math.floor(totalMs / 60_000) % 60;
  const s = Math.floor(totalMs / 1000) % 60;
  return `${pad(h)}:${pad(m)}:${pad(s)},${pad(totalMs % 1000, 3)}`;
};

/** The subtitle clock: each cue the Thai (Buddhist-Era) date and time, then ISO 8601 with the +07:00 offset. */
export function clockSubtitles(parts: readonly ClipPart[]): string {
  return clockCues(parts)
    .map((cue, i) => {
      const at = new Date(cue.wallMs);
      return `${i + 1}\n${srtTime(cue.fromMs)} --> ${srtTime(cue.toMs)}\n${bangkokThai(at)}\n${bangkokIso(at)}\n`;
    })
    .join('\n');
}
