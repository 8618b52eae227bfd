// Real footage recorded as a camera's would be (a CCTV-like stream cut by the recorder's own muxer options) and
// indexed at chosen wall-clock times: for tests and benchmarks that play back or export recordings.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { sharedDir } from '@toc/models';
import { indexSegment } from '@toc/server/repositories/recording-index.repository';
import { segmentOutputOptions, segmentPattern } from '../src/record/segment-output';
import { readSegmentFile } from '../src/record/segment-file';
import { segmentPath } from '../src/record/segment-paths';

const run = promisify(execFile);
export const STREET_CLIP = path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4');

export interface RecordedFile {
  file: string;
  /** Stream seconds the segment spans. */
  start: number;
  end: number;
}

export interface StreamOptions {
  /** `1280:720` to scale; the clip's own 640×360 otherwise. */
  scale?: string;
  /** A constant bitrate such as `2M` (CCTV cameras stream at one); quality 30 otherwise. */
  bitrate?: string;
  /** Frames between keyframes (CCTV: about one second). */
  gop?: number;
}

/**
 * `seconds` of the street clip as a CCTV camera sends it (a keyframe every `gop` frames, no B-frames), cut into
 * segments of `segmentS` by the recorder's muxer options, in `dir`.
 */
export async function recordStreetClip(
  dir: string,
  seconds: number,
  segmentS: number,
  options: StreamOptions = {},
): Promise<RecordedFile[]> {
  await mkdir(dir, { recursive: true });
  const stream = path.join(dir, 'camera-stream.mp4');
  const rate = options.bitrate
    ? ['-b:v', options.bitrate, '-maxrate', options.bitrate, '-bufsize', options.bitrate]
    : ['-crf', '30'];
  await run('ffmpeg', [
    ...[
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-stream_loop',
      '-1',
      '-i',
      STREET_CLIP,
      '-t',
      String(seconds),
      '-an',
    ],
    ...(options.scale ? ['-vf', `scale=${options.scale}`] : []),
    ...['-c:v', 'libx264', '-preset', options.bitrate ? 'ultrafast' : 'veryfast', ...rate],
    ...['-g', String(options.gop ?? 30), '-bf', '0', '-sc_threshold', '0', '-pix_fmt', 'yuv420p', stream],
  ]);
  const list = path.join(dir, 'segments.csv');
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-i', stream],
    ...segmentOutputOptions(segmentS, list),
    path.join(dir, segmentPattern('run1')),
  ]);
  return (await readFile(list, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => {
      const [file, start, end] = line.split(',');
      return { file: path.join(dir, file!), start: Number(start), end: Number(end) };
    });
}

export interface IndexedSegment {
  id: number;
  startedAt: number;
  endedAt: number;
  /** Relative to the recordings volume, as the index has it. */
  path: string;
  file: string;
  bytes: number;
  initBytes: number;
  sha256: string;
}

/**
 * Puts a recorded segment into the volume (moved, or copied with `copy` so one recording serves several cameras) and
 * indexes it as the recorder would, starting at `wallStartMs`.
 */
export async function indexRecordedSegment(
  db: pg.Pool,
  recordingsDir: string,
  cameraId: number,
  recorded: RecordedFile,
  wallStartMs: number,
  options: { copy?: boolean; workerId?: string } = {},
): Promise<IndexedSegment> {
  const info = await readSegmentFile(recorded.file);
  if ('corrupt' in info) throw new Error(`${recorded.file}: ${info.corrupt}`);
  const { bytes, sha256, codec, width, height, initBytes } = info;
  const endedAtMs = wallStartMs + Math.round((recorded.end - recorded.start) * 1000);
  const relative = segmentPath(cameraId, wallStartMs);
  const file = path.join(recordingsDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await (options.copy ? copyFile : rename)(recorded.file, file);
  await indexSegment(db, {
    ...{ cameraId, bytes, path: relative, sha256, codec, width, height, initBytes, interrupted: false },
    ...{
      startedAt: new Date(wallStartMs),
      endedAt: new Date(endedAtMs),
      clockSource: 'worker system clock (NTP)',
    },
    workerId: options.workerId ?? 'test-recorder',
  });
  const { rows } = await db.query<{ id: number }>('SELECT id FROM recording_segments WHERE path = $1', [
    relative,
  ]);
  return {
    id: rows[0]!.id,
    startedAt: wallStartMs,
    endedAt: endedAtMs,
    path: relative,
    file,
    bytes,
    initBytes,
    sha256,
  };
}
