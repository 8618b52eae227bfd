// One frame of recorded footage as a JPEG: ffmpeg decodes the instant from the segment file that shows it.
import { execFile } from 'node:child_process';
import { HttpError } from '../lib/http-error';

const STILL_TIMEOUT_MS = 15_000;
const MAX_JPEG_BYTES = 16 * 1024 * 1024;
/** Each still is an ffmpeg process decoding footage: a few at once at most. */
const MAX_CONCURRENT_STILLS = 2;
/** Frames of even a slow camera (2 fps) lie closer together than this. */
const LAST_FRAME_WINDOW_S = 0.6;

let running = 0;

/**
 * ffmpeg arguments as a list (never a shell string). `file:` keeps the path a path whatever it contains. Seeking
 * before the input is exact (ffmpeg decodes from the keyframe before and drops frames up to the offset).
 * `reverse` decodes the stretch from the seek point backwards and keeps its last frame.
 */
function frameArguments(file: string, seekS: number, reverse: boolean): string[] {
  const filter = reverse ? ['-vf', 'reverse'] : [];
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-ss',
    seekS.toFixed(3),
    '-i',
    `file:${file}`,
    ...filter,
  ].concat(['-frames:v', '1', '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1']);
}

export const stillArguments = (file: string, offsetS: number): string[] =>
  frameArguments(file, offsetS, false);

/**
 * An instant inside the last frame's time on screen lies past that frame's timestamp, where the exact seek finds
 * nothing: the last frame is then taken by decoding the final stretch backwards (a fraction of a second of frames).
 */
export const lastFrameArguments = (file: string, offsetS: number): string[] =>
  frameArguments(file, Math.max(0, offsetS - LAST_FRAME_WINDOW_S), true);

function runFfmpeg(args: string[]): Promise<{ jpeg: Buffer; error: string | null }> {
  return new Promise((resolve) => {
    execFile(
      'ffmpeg',
      args,
      { encoding: 'buffer', timeout: STILL_TIMEOUT_MS, maxBuffer: MAX_JPEG_BYTES, killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        const detail = stderr.toString('utf8').trim().split('\n').pop() || error?.message || null;
        resolve({ jpeg: stdout, error: error ? detail : null });
      },
    );
  });
}

/** The frame shown `offsetS` seconds into a segment file (the reply names the segment by its id, never its path). */
export async function stillFromSegment(file: string, offsetS: number, segmentId: number): Promise<Buffer> {
  if (running >= MAX_CONCURRENT_STILLS) {
    throw new HttpError(
      503,
      'Too many pictures are being taken right now; try again in a moment',
      'กำลังดึงภาพหลายภาพพร้อมกัน กรุณาลองใหม่อีกครั้ง',
    );
  }
  running++;
  try {
    let result = await runFfmpeg(stillArguments(file, offsetS));
    if (!result.error && result.jpeg.length === 0 && offsetS > 0)
      result = await runFfmpeg(lastFrameArguments(file, offsetS));
    if (!result.error && result.jpeg.length > 0) return result.jpeg;
    // ffmpeg names the file in its errors: the recordings path is the admin's configuration, not for the reply.
    const detail = (result.error ?? 'no frame at that instant').split(file).join(`segment ${segmentId}`);
    throw new HttpError(
      503,
      `No picture could be taken from recorded segment ${segmentId}: ${detail}`,
      `ดึงภาพจากไฟล์ภาพบันทึก ${segmentId} ไม่ได้: ${detail}`,
    );
  } finally {
    running--;
  }
}
