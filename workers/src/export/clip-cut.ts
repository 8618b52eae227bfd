// Cuts a wall-clock window out of a camera's recorded segments into one MP4 for evidence: stream copy (the camera's own
// bitstream), chapters per segment and a subtitle clock in Bangkok time, and what the clip really covers.
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bangkokThai } from './bangkok-clock';
import { chaptersMetadata, clockCues, clockSubtitles } from './clip-metadata';
import {
  clipTimeline,
  concatList,
  cutPoints,
  expectedDurationS,
  overlapping,
  windowGaps,
  type ClipPart,
  type ClipPiece,
  type ClipSegment,
  type TimeSpan,
} from './clip-plan';
import { ClipCutError } from './clip-cut-error';
import { concatStartFromKeyframes } from './concat-start';
import { FfmpegError, abortReason, ffmpegTool, ffprobeJson, runFfmpeg } from './ffmpeg-process';
import { faststartVideoSeconds } from './mp4-duration';
import { probeSegments } from './segment-probe';

export type { ClipPart, ClipSegment, TimeSpan } from './clip-plan';
export { ClipCutError, type ClipCutErrorCode } from './clip-cut-error';

export interface ClipCutInput<S extends ClipSegment = ClipSegment> {
  /** The camera's segments, by start time; gaps between them are expected. */
  segments: readonly S[];
  window: TimeSpan;
  outPath: string;
  /** Temporary files go in a fresh folder inside, removed at the end. */
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

export interface ClipCutResult<S extends ClipSegment = ClipSegment> {
  outPath: string;
  /** The wall-clock span the clip shows: it may start up to one GOP before the window (stream copy starts at a keyframe). */
  covered: TimeSpan;
  /** Parts of the window with no footage (before the first segment, between two, after the last). */
  gaps: TimeSpan[];
  /** The segments in the clip, in order. */
  segments: S[];
  /** Each segment's place in the clip and the wall clock it shows (the working copy's clock overlay reads this). */
  parts: ClipPart<S>[];
  durationS: number;
  bytes: number;
  /**
   * Every video packet is byte for byte the camera's. False only when the decoder configuration changes inside the
   * window: ffmpeg then writes the parameter sets (SPS/PPS) into each keyframe so every segment stays decodable.
   */
  exactPackets: boolean;
  /** e.g. `ffmpeg 5.1.9-0+deb12u1`. */
  tool: string;
  /** The exact ffmpeg arguments, run in a folder holding `inputs`: with the segments they reproduce the clip. */
  arguments: string[];
  inputs: { name: string; text: string }[];
}

/** The output's length may differ from the plan by a few frames (B-frame reordering); more means damaged input. */
const DURATION_TOLERANCE_S = 1;
const FILES = { list: 'segments.ffconcat', chapters: 'chapters.ffmeta', clock: 'clock.srt' } as const;
/**
 * Room for the index (moov) reserved at the head of the file when the frames to come are counted: the fixed boxes and
 * metadata, and per sample the most any sample table takes (size 4, time 8, sync 4, composition 8, chunk offset 8,
 * sample-to-chunk 12 bytes). A cut measured 4.7 bytes per sample; the rest stays as a `free` box (< 1 % of the file).
 */
const MOOV_FIXED_BYTES = 64 * 1024;
const MOOV_BYTES_PER_SAMPLE = 48;
/** A chapter is a text sample and a title in the chapter list. */
const MOOV_BYTES_PER_CHAPTER = 256;
/**
 * Reads every input on ffmpeg's main thread. With more than one input, ffmpeg 5 gives each its own reading thread and
 * hands every packet across: measured 7,000 context switches and 0.2 CPU-s more per 10-minute camera, for the same
 * bytes out (the three inputs are small or read in order, so the threads bring nothing).
 */
const ONE_THREAD = ['-thread_queue_size', '0'];
/**
 * Read on one thread, each keyframe's packet is allocated at the top of the heap and freed again, and glibc gives the
 * top back to the system each time: measured 76,000 page faults and 1.5 CPU-s for a 10-minute camera. 16 MiB kept
 * at the top (M_TOP_PAD) stops that: 6,000 faults and 0.7 CPU-s, less than a plain concat copy.
 */
const CUT_ENV = { MALLOC_TOP_PAD_: String(16 * 1024 * 1024) };

/**
 * The ffmpeg arguments of a cut. The concat demuxer cuts the first and last segments at their in and out points;
 * ffmetadata gives the chapters and the SRT the subtitle clock (text converted to mov_text; the video is copied).
 * bitexact: no encoder version or creation time in the file, so the same inputs give the same bytes.
 *
 * The index goes before the media (faststart, for playback while downloading): into `moovBytes` reserved at the head
 * when given, else by `+faststart`, which moves it there after writing, a second pass over the whole file.
 *
 * auto_convert: by default the concat demuxer runs H.264 through h264_mp4toannexb, which writes the SPS/PPS into
 * every keyframe (measured: +43 bytes each), so packets are no longer the camera's. Off when every segment has the
 * same decoder configuration (the file's one avcC then fits all of them); on when it changes inside the window (a
 * camera reconfigured), where the in-band parameter sets keep later segments decodable.
 */
export function cutArguments(outPath: string, exactPackets: boolean, moovBytes: number | null): string[] {
  return [
    ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error', '-y'],
    [...ONE_THREAD, '-auto_convert', exactPackets ? '0' : '1'],
    ['-f', 'concat', '-safe', '0', '-i', FILES.list],
    [...ONE_THREAD, '-f', 'ffmetadata', '-i', FILES.chapters],
    [...ONE_THREAD, '-f', 'srt', '-i', FILES.clock],
    ['-map', '0:v:0', '-map', '2:s:0', '-map_metadata', '1', '-map_chapters', '1'],
    ['-c:v', 'copy', '-c:s', 'mov_text'],
    ['-metadata:s:s:0', 'language=tha', '-metadata:s:s:0', 'handler_name=Bangkok time (UTC+7)'],
    ['-fflags', '+bitexact'],
    moovBytes === null ? ['-movflags', '+faststart'] : ['-moov_size', String(moovBytes)],
    ['-f', 'mp4', '-progress', 'pipe:1'],
    // file: keeps the path a path whatever it contains.
    [`file:${outPath}`],
  ].flat();
}

interface ProbedOutput {
  format?: { start_time?: string };
  streams?: { codec_type?: string; duration?: string }[];
}

function checkWindow(window: TimeSpan): void {
  const from = window.from.getTime();
  const to = window.to.getTime();
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from)
    throw new ClipCutError('bad_window', 'The window must end after it starts', 'ช่วงเวลาต้องสิ้นสุดหลังเวลาเริ่มต้น');
}

/** Bytes to reserve for the index, or null when the frames are not counted (segments timed by ffprobe). */
function reservedMoovBytes(pieces: readonly ClipPiece[], cues: number, chapters: number): number | null {
  let samples = 0;
  for (const piece of pieces) {
    if (!piece.segment.timing) return null;
    samples += piece.segment.timing.sampleCount; // whole segments: at least what the cut keeps of them
  }
  // A subtitle cue is a text sample, and the silence before the next one another.
  return MOOV_FIXED_BYTES + MOOV_BYTES_PER_SAMPLE * (samples + 2 * cues) + MOOV_BYTES_PER_CHAPTER * chapters;
}

/** The list's start_time as ffprobe opens it, exactly as ffmpeg will (when the keyframes are not known here). */
async function probeConcatStart(dir: string, signal?: AbortSignal): Promise<number> {
  const { format } = await ffprobeJson<ProbedOutput>(
    ['-f', 'concat', '-safe', '0', '-show_entries', 'format=start_time', '-i', FILES.list],
    signal,
    dir,
  );
  return Number(format?.start_time) || 0;
}

/**
 * Probes the segments, plans the cut and writes ffmpeg's text inputs into `dir`. The concat demuxer's first timestamp
 * (the keyframe before the in point, so usually negative) becomes the output's zero: taken from the first segment's
 * keyframes, or from ffprobe, so the chapters and the clock are placed with the lead the cut will have.
 */
async function prepareInputs<S extends ClipSegment>(
  dir: string,
  used: readonly S[],
  window: TimeSpan,
  signal?: AbortSignal,
) {
  const probed = await probeSegments(used, signal);
  const media = probed.map((p) => p.media);
  const pieces = cutPoints(used, media, window);
  const exactPackets = probed.every((p) => p.codecConfig === probed[0]!.codecConfig);
  const list = concatList(pieces);
  await writeFile(path.join(dir, FILES.list), list);
  const concatStartS = concatStartFromKeyframes(pieces) ?? (await probeConcatStart(dir, signal));
  const expectedS = expectedDurationS(pieces, concatStartS);
  const planned = clipTimeline(pieces, concatStartS, expectedS);
  const moovBytes = reservedMoovBytes(pieces, clockCues(planned).length, planned.length);
  const inputs = [
    { name: FILES.list, text: list },
    { name: FILES.chapters, text: chaptersMetadata(planned) },
    { name: FILES.clock, text: clockSubtitles(planned) },
  ];
  for (const input of inputs.slice(1)) await writeFile(path.join(dir, input.name), input.text);
  return { pieces, exactPackets, concatStartS, expectedS, inputs, moovBytes };
}

/** The video's seconds as ffprobe reports them: read from the moov the cut put first, ffprobe only if it is not there. */
async function videoDuration(outPath: string, signal?: AbortSignal): Promise<number> {
  const fromMoov = await faststartVideoSeconds(outPath);
  if (fromMoov !== null) return fromMoov;
  const { streams } = await ffprobeJson<ProbedOutput>(
    ['-show_entries', 'stream=codec_type,duration', `file:${outPath}`],
    signal,
  );
  return Number(streams?.find((s) => s.codec_type === 'video')?.duration);
}

async function cutDuration(outPath: string, expectedS: number, signal?: AbortSignal): Promise<number> {
  const durationS = await videoDuration(outPath, signal);
  if (!(Math.abs(durationS - expectedS) <= DURATION_TOLERANCE_S)) {
    throw new ClipCutError(
      'cut_mismatch',
      `The clip lasts ${durationS.toFixed(3)} s where ${expectedS.toFixed(3)} s were expected: a segment may be damaged`,
      `คลิปที่ตัดได้ยาว ${durationS.toFixed(3)} วินาที แต่ควรยาว ${expectedS.toFixed(3)} วินาที ไฟล์ภาพบันทึกอาจเสียหาย`,
    );
  }
  return durationS;
}

/**
 * Cuts the window out of the segments. Rejects with a ClipCutError (English and Thai) when it cannot, with the signal's
 * reason when aborted; in both cases no output file is left.
 */
export async function cutClip<S extends ClipSegment>(input: ClipCutInput<S>): Promise<ClipCutResult<S>> {
  const { window, signal } = input;
  checkWindow(window);
  const used = overlapping(input.segments, window);
  if (used.length === 0) {
    throw new ClipCutError(
      'no_footage',
      `No recorded footage overlaps the window ${window.from.toISOString()} – ${window.to.toISOString()}`,
      `ไม่มีภาพบันทึกในช่วงเวลา ${bangkokThai(window.from)} – ${bangkokThai(window.to)}`,
    );
  }
  if (signal?.aborted) throw abortReason(signal);

  const outPath = path.resolve(input.outPath);
  await mkdir(input.workDir, { recursive: true });
  const dir = await mkdtemp(path.join(input.workDir, 'clip-'));
  let finished = false;
  try {
    const plan = await prepareInputs(dir, used, window, signal);
    await mkdir(path.dirname(outPath), { recursive: true });
    const args = cutArguments(outPath, plan.exactPackets, plan.moovBytes);
    try {
      await runFfmpeg({
        args,
        cwd: dir,
        env: CUT_ENV,
        signal,
        expectedS: plan.expectedS,
        onProgress: input.onProgress,
      });
    } catch (error) {
      if (!(error instanceof FfmpegError)) throw error;
      throw new ClipCutError(
        'ffmpeg_failed',
        `Cutting the clip failed: ${error.message}`,
        'ตัดคลิปวิดีโอไม่สำเร็จ',
        {
          cause: error,
        },
      );
    }
    const durationS = await cutDuration(outPath, plan.expectedS, signal);
    // The real end (to the frame) places the last part; everything before it is as planned.
    const parts = clipTimeline(plan.pieces, plan.concatStartS, durationS);
    const { size } = await stat(outPath);
    const tool = await ffmpegTool();
    if (signal?.aborted) throw abortReason(signal);
    finished = true;
    return {
      outPath,
      covered: { from: parts[0]!.wallFrom, to: parts[parts.length - 1]!.wallTo },
      gaps: windowGaps(used, window),
      segments: used,
      parts,
      durationS,
      bytes: size,
      exactPackets: plan.exactPackets,
      tool,
      arguments: args,
      inputs: plan.inputs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
    if (!finished) await rm(outPath, { force: true });
  }
}
