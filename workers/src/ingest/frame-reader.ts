// Pulls an RTSP stream over TCP with ffmpeg and yields raw frames at the detect rate, already sized for the model;
// the same ffmpeg, on the same connection, may also record the stream (a second output, stream copy).
import { PassThrough } from 'node:stream';
import ffmpeg from 'fluent-ffmpeg';
import { FrameSplitter } from './frame-splitter';
import { lastLine } from './probe';
import { assertSafeRtspUrl } from './rtsp-url';

/** A camera stream, or a local video file (benchmarks and evaluation), looped forever when asked. */
export type FrameSource =
  | { rtspUrl: string }
  /** `readRate` 1 delivers at the clip's own pace like a live camera, 2 twice as fast; omitted: as fast as decoded. */
  | { file: string; loop: boolean; readRate?: number };

export interface FrameReaderOptions {
  source: FrameSource;
  /** Frames per second to deliver; omit to deliver every source frame (detection-bound runs). */
  fps?: number;
  /** ffmpeg video filter that turns a source frame into exactly `frameBytes` of `pixelFormat`. */
  filter: string;
  pixelFormat: 'bgr24' | 'rgb24';
  frameBytes: number;
  stallTimeoutS: number;
  onFrame: (frame: Buffer, at: Date) => void;
  /** Called for each decoder complaint ffmpeg prints (corrupt packets, concealed errors). */
  onDecodeError?: (line: string) => void;
  /** A second output of the same ffmpeg that records the stream: one camera connection for both. */
  record?: { target: string; options: string[] };
}

/** A recording ffmpeg asked to stop gets this long to close its segment properly before it is killed. */
const GRACEFUL_STOP_MS = 3_000;

const DECODE_ERROR = /error while decoding|corrupt|concealing|invalid nal|missing picture|decode_slice/i;

export interface FrameReader {
  /** Resolves when the stream ends or fails; the reason says why. */
  done: Promise<{ reason: string }>;
  stop(): void;
  /** Backpressure for file sources: ffmpeg blocks while paused (never pause a live camera: it would stall). */
  pause(): void;
  resume(): void;
}

function inputOf(source: FrameSource): string {
  if ('rtspUrl' in source) {
    assertSafeRtspUrl(source.rtspUrl);
    return source.rtspUrl;
  }
  return source.file;
}

const inputOptionsOf = (source: FrameSource, stallTimeoutS: number): string[] =>
  'rtspUrl' in source
    ? ['-rtsp_transport', 'tcp', '-timeout', String(stallTimeoutS * 1_000_000)]
    : [
        ...(source.loop ? ['-stream_loop', '-1'] : []),
        ...(source.readRate ? ['-readrate', String(source.readRate)] : []),
      ];

export function startFrameReader(options: FrameReaderOptions): FrameReader {
  let stderrTail = '';
  let stopped = false;
  /** Set when the stall check kills ffmpeg: its last stderr lines may still arrive after and must not hide why. */
  let stalledReason: string | null = null;
  let lastFrameAt = Date.now();

  const command = ffmpeg(inputOf(options.source)).inputOptions(
    inputOptionsOf(options.source, options.stallTimeoutS),
  );
  if (options.record) command.output(options.record.target).outputOptions(options.record.options);
  const output = new PassThrough();
  command
    .output(output)
    .noAudio()
    .videoFilters(options.fps ? [`fps=${options.fps}`, options.filter] : [options.filter])
    .outputOptions(['-pix_fmt', options.pixelFormat])
    .format('rawvideo');

  const splitter = new FrameSplitter(options.frameBytes, (frame) => {
    lastFrameAt = Date.now();
    options.onFrame(frame, new Date(lastFrameAt));
  });

  const done = new Promise<{ reason: string }>((resolve) => {
    let stallTimer: NodeJS.Timeout | undefined = undefined;
    const finish = (reason: string) => {
      clearInterval(stallTimer);
      resolve({ reason });
    };
    // A stream that stops delivering frames without closing is killed, so the runner can reconnect.
    stallTimer = setInterval(() => {
      if (Date.now() - lastFrameAt > options.stallTimeoutS * 1000) {
        stalledReason = `stalled: no frame for ${options.stallTimeoutS} s`;
        command.kill('SIGKILL');
      }
    }, 1000);
    command
      .on('stderr', (line: string) => {
        stderrTail = line;
        if (DECODE_ERROR.test(line)) options.onDecodeError?.(line);
      })
      .on('error', (error: Error) =>
        finish(stopped ? 'stopped' : (stalledReason ?? lastLine(`${error.message}\n${stderrTail}`))),
      )
      .on('end', () => finish(stopped ? 'stopped' : 'stream ended'));
  });

  command.run();
  output.on('data', (chunk: Buffer) => splitter.push(chunk));
  output.on('error', () => undefined); // reported through the command's 'error'

  return {
    done,
    stop() {
      stopped = true;
      if (!options.record) return void command.kill('SIGKILL');
      // SIGINT lets ffmpeg finish the segment it is writing and list it; a hung one is killed after a grace period.
      command.kill('SIGINT');
      const killer = setTimeout(() => command.kill('SIGKILL'), GRACEFUL_STOP_MS);
      void done.then(() => clearTimeout(killer));
    },
    pause: () => output.pause(),
    resume: () => output.resume(),
  };
}
