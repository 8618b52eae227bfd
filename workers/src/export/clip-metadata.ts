// The clip's wall-clock metadata as ffmpeg inputs: chapters (one per segment) as ffmetadata, and a subtitle clock
// (Bangkok time of every second, Thai and ISO) as SRT, both mapped through the segments so a gap shows as a jump.
import { bangkokIso, bangkokReadable, bangkokThai } from './bangkok-clock';
import type { ClipPart } from './clip-plan';

/** e.g. `2026-12-05 17:30:00 +07:00 · 5 ธ.ค. 2569 17:30:00 น.` */
export const chapterTitle = (at: Date) => `${bangkokReadable(at)} · ${bangkokThai(at)}`;

/** ffmetadata escapes `=`, `;`, `#`, `\` and line breaks with a backslash. */
const escapeMeta = (s: string) => s.replace(/[=;#\\\n]/g, (c) => `\\${c}`);

/** One chapter per segment used, from its first to its last second in the clip, titled with the segment's start. */
export function chaptersMetadata(parts: readonly ClipPart[]): string {
  const lines = [';FFMETADATA1'];
  for (const part of parts) {
    lines.push(
      '[CHAPTER]',
      'TIMEBASE=1/1000',
      `START=${Math.round(part.fromS * 1000)}`,
      `END=${Math.round(part.toS * 1000)}`,
      `title=${escapeMeta(chapterTitle(part.segment.startedAt))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

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
