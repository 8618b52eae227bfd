// Plans a stream-copy cut of recorded segments to a wall-clock window: the segments used, where each is cut, the gaps,
// the concat list ffmpeg reads, and how the output's timeline maps back to the wall clock.
import type { SegmentTiming } from '../record/mp4-fragments';

export interface ClipSegment {
  absPath: string;
  startedAt: Date;
  endedAt: Date;
  /** Media timing already read from the file's fragments (see record/mp4-fragments.ts); absent or null: ffprobe. */
  timing?: SegmentTiming | null;
}

export interface TimeSpan {
  from: Date;
  to: Date;
}

/** A segment file's media as ffprobe (and so the concat demuxer) sees it: where its timestamps start, how long. */
export interface SegmentMedia {
  startS: number;
  durationS: number;
}

export interface ClipPiece<S extends ClipSegment = ClipSegment> {
  segment: S;
  media: SegmentMedia;
  /** Media seconds where the cut starts (null: the file's start) and ends (null: the file's end). */
  inpointS: number | null;
  outpointS: number | null;
}

/** What one segment shows in the clip: output seconds, and the wall clock they show (linear in between). */
export interface ClipPart<S extends ClipSegment = ClipSegment> {
  segment: S;
  fromS: number;
  toS: number;
  wallFrom: Date;
  wallTo: Date;
}

const ms = (d: Date) => d.getTime();

/** The segments with footage inside the window (a segment only touching its edge has none), by start time. */
export function overlapping<S extends ClipSegment>(segments: readonly S[], window: TimeSpan): S[] {
  return segments
    .filter((s) => ms(s.startedAt) < ms(window.to) && ms(s.endedAt) > ms(window.from))
    .sort((a, b) => ms(a.startedAt) - ms(b.startedAt));
}

/** Parts of the window no used segment covers: before the first, between two, after the last. */
export function windowGaps(used: readonly ClipSegment[], window: TimeSpan): TimeSpan[] {
  const gaps: TimeSpan[] = [];
  let coveredTo = ms(window.from);
  for (const segment of used) {
    if (ms(segment.startedAt) > coveredTo) gaps.push({ from: new Date(coveredTo), to: segment.startedAt });
    coveredTo = Math.max(coveredTo, ms(segment.endedAt));
  }
  if (coveredTo < ms(window.to)) gaps.push({ from: new Date(coveredTo), to: window.to });
  return gaps;
}

/**
 * The index gives each segment's wall-clock span, ffprobe its media span: a segment is continuous footage, so the two
 * map linearly (they differ only by the recorder's clock corrections, a few milliseconds).
 */
function mediaToWallMs(segment: ClipSegment, media: SegmentMedia, mediaS: number): number {
  const wallMs = ms(segment.endedAt) - ms(segment.startedAt);
  const durationS = media.durationS > 0 ? media.durationS : wallMs / 1000;
  return ms(segment.startedAt) + ((mediaS - media.startS) / durationS) * wallMs;
}

function wallToMediaS(segment: ClipSegment, media: SegmentMedia, atMs: number): number {
  const wallMs = ms(segment.endedAt) - ms(segment.startedAt);
  const durationS = media.durationS > 0 ? media.durationS : wallMs / 1000;
  return media.startS + ((atMs - ms(segment.startedAt)) / wallMs) * durationS;
}

/** ffmpeg reads the points to the microsecond: plan with the same rounded values it will use. */
const micro = (s: number) => Math.round(s * 1e6) / 1e6;

/** Where each used segment is cut: the window's start in the first, its end in the last. */
export function cutPoints<S extends ClipSegment>(
  used: readonly S[],
  media: readonly SegmentMedia[],
  window: TimeSpan,
): ClipPiece<S>[] {
  return used.map((segment, i) => {
    const m = media[i]!;
    const cutsStart = ms(window.from) > ms(segment.startedAt);
    const cutsEnd = ms(window.to) < ms(segment.endedAt);
    return {
      segment,
      media: m,
      inpointS: cutsStart ? micro(wallToMediaS(segment, m, ms(window.from))) : null,
      outpointS: cutsEnd ? micro(wallToMediaS(segment, m, ms(window.to))) : null,
    };
  });
}

/** ffconcat quoting: inside single quotes everything is literal, and a quote is closed, escaped and reopened. */
const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** The concat demuxer's list: every piece's file with its in and out points. */
export function concatList(pieces: readonly ClipPiece[]): string {
  const lines = ['ffconcat version 1.0'];
  for (const piece of pieces) {
    if (/[\r\n]/.test(piece.segment.absPath))
      throw new Error(`segment path has a line break: ${piece.segment.absPath}`);
    lines.push(`file ${quote(piece.segment.absPath)}`);
    if (piece.inpointS !== null) lines.push(`inpoint ${piece.inpointS.toFixed(6)}`);
    if (piece.outpointS !== null) lines.push(`outpoint ${piece.outpointS.toFixed(6)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The concat demuxer places each file after the previous one: a file starts at its in point (or its first timestamp)
 * and lasts to its out point (or its probed end). Returns each piece's origin (media seconds) and its start and length
 * on the concat timeline.
 */
function concatLayout(pieces: readonly ClipPiece[]) {
  let at = 0;
  return pieces.map((piece) => {
    const originS = piece.inpointS ?? piece.media.startS;
    const endS = piece.outpointS ?? piece.media.startS + piece.media.durationS;
    const layout = { originS, concatS: at, lengthS: Math.max(0, endS - originS) };
    at += layout.lengthS;
    return layout;
  });
}

/**
 * Stream copy starts at the keyframe before the in point: the concat demuxer's first timestamp (its `start_time`,
 * negative by that much) becomes the output's zero. The expected output length is that lead plus every piece.
 */
export function expectedDurationS(pieces: readonly ClipPiece[], concatStartS: number): number {
  const layout = concatLayout(pieces);
  const last = layout[layout.length - 1];
  return last ? last.concatS + last.lengthS - concatStartS : 0;
}

/**
 * Output seconds and wall clock of every piece, given the concat demuxer's start time (output zero) and the output's
 * real duration. The first piece begins at output zero (keyframe lead included); a piece past the real end is dropped.
 */
export function clipTimeline<S extends ClipSegment>(
  pieces: readonly ClipPiece<S>[],
  concatStartS: number,
  durationS: number,
): ClipPart<S>[] {
  const layout = concatLayout(pieces);
  const parts: ClipPart<S>[] = [];
  pieces.forEach((piece, i) => {
    const { originS, concatS, lengthS } = layout[i]!;
    const fromS = i === 0 ? 0 : concatS - concatStartS;
    const toS = i === pieces.length - 1 ? durationS : Math.min(durationS, concatS + lengthS - concatStartS);
    if (toS <= fromS) return;
    const wallAt = (outS: number) =>
      new Date(
        Math.round(mediaToWallMs(piece.segment, piece.media, originS + outS + concatStartS - concatS)),
      );
    parts.push({ segment: piece.segment, fromS, toS, wallFrom: wallAt(fromS), wallTo: wallAt(toS) });
  });
  return parts;
}
