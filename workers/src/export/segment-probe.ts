// What the concat demuxer will see of each recorded segment: its media span, and its codec configuration (whether
// the segments can be joined without touching a packet). Taken from the timing read with the segment's hash when
// there is one, from ffprobe otherwise (the two agree: see mp4-fragments.medium.test.ts).
import path from 'node:path';
import pLimit from 'p-limit';
import { ClipCutError } from './clip-cut-error';
import type { ClipSegment, SegmentMedia } from './clip-plan';
import { abortReason, ffprobeJson } from './ffmpeg-process';

/** Segment files probed at once. */
const PROBE_CONCURRENCY = 4;

export interface ProbedSegment {
  media: SegmentMedia;
  /** Codec, picture size and a hash of the decoder configuration (H.264 SPS/PPS): equal means joinable as they are. */
  codecConfig: string;
}

interface Probe {
  format?: { start_time?: string; duration?: string };
  streams?: { codec_name?: string; width?: number; height?: number; extradata_hash?: string }[];
}

async function probeSegment(segment: ClipSegment, signal?: AbortSignal): Promise<ProbedSegment> {
  if (segment.timing) {
    const { startS, durationS, codecConfig } = segment.timing;
    return { media: { startS, durationS }, codecConfig };
  }
  try {
    const { format, streams } = await ffprobeJson<Probe>(
      [
        ['-select_streams', 'v:0', '-show_data_hash', 'SHA256'],
        ['-show_entries', 'format=start_time,duration:stream=codec_name,width,height,extradata_hash'],
        [`file:${segment.absPath}`],
      ].flat(),
      signal,
    );
    const durationS = Number(format?.duration);
    const video = streams?.[0];
    if (!(durationS > 0) || !video) throw new Error('no video of any length');
    return {
      media: { startS: Number(format?.start_time) || 0, durationS },
      codecConfig: [video.codec_name, video.width, video.height, video.extradata_hash].join(' '),
    };
  } catch (error) {
    if (signal?.aborted) throw abortReason(signal);
    throw new ClipCutError(
      'segment_unreadable',
      `Recorded segment ${path.basename(segment.absPath)} cannot be read: ${(error as Error).message}`,
      `อ่านไฟล์ภาพบันทึก ${path.basename(segment.absPath)} ไม่ได้`,
      { cause: error },
    );
  }
}

/** Every segment probed (a few ffprobes at a time), in order. */
export function probeSegments(
  segments: readonly ClipSegment[],
  signal?: AbortSignal,
): Promise<ProbedSegment[]> {
  const limit = pLimit(PROBE_CONCURRENCY);
  return Promise.all(segments.map((segment) => limit(() => probeSegment(segment, signal))));
}
