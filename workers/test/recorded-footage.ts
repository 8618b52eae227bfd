// Test helper: real footage recorded as a camera's would be (CCTV-like stream cut by the recorder's own muxer
// options) and indexed at chosen wall-clock times, for tests that play back or export recordings.
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { sharedDir } from '@toc/models';
import { indexSegment } from '@toc/server/repositories/recording-index.repository';
import { segmentOutputOptions, segmentPattern } from '../src/record/segment-output';
import { readSegmentFile } from '../src/record/segment-file';

const run = promisify(execFile);
export const STREET_CLIP = path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4');
const FPS = 30;

export interface RecordedFile {
  file: string;
  /** Stream seconds the segment spans. */
  start: number;
  end: number;
}

/**
 * `seconds` of the street clip as a CCTV camera sends it (a keyframe every second, no B-frames), cut into segments
 * of `segmentS` by the recorder's muxer options, in `dir`.
 */
export async function recordStreetClip(dir: string, seconds: number, segmentS: number): Promise<RecordedFile[]> {
  await mkdir(dir, { recursive: true });
  const stream = path.join(dir, 'camera-stream.mp4');
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-stream_loop', '-1', '-i', STREET_CLIP, '-t', String(seconds), '-an',
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '30', '-g', String(FPS), '-bf', '0', '-sc_threshold', '0',
    '-pix_fmt', 'yuv420p', stream,
  ]);
  const list = path.join(dir, 'segments.csv');
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-i', stream, ...segmentOutputOptions(segmentS, list),
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
  path: string;
  file: string;
  sha256: string;
}

/** Moves a recorded segment into the volume and indexes it as the recorder would, starting at `wallStartMs`. */
export async function indexRecordedSegment(
  db: pg.Pool,
  recordingsDir: string,
  cameraId: number,
  recorded: RecordedFile,
  wallStartMs: number,
): Promise<IndexedSegment> {
  const info = await readSegmentFile(recorded.file);
  if ('corrupt' in info) throw new Error(`${recorded.file}: ${info.corrupt}`);
  const startedAt = new Date(wallStartMs);
  const endedAt = new Date(wallStartMs + Math.round((recorded.end - recorded.start) * 1000));
  const relative = `${cameraId}/${startedAt.toISOString().slice(0, 10)}/${startedAt.toISOString().replace(/[-:]/g, '')}.mp4`;
  const file = path.join(recordingsDir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await rename(recorded.file, file);
  await indexSegment(db, {
    cameraId,
    startedAt,
    endedAt,
    bytes: info.bytes,
    path: relative,
    sha256: info.sha256,
    codec: info.codec,
    width: info.width,
    height: info.height,
    initBytes: info.initBytes,
    workerId: 'test-recorder',
    clockSource: 'worker system clock (NTP)',
    interrupted: false,
  });
  const { rows } = await db.query<{ id: number }>('SELECT id FROM recording_segments WHERE path = $1', [relative]);
  return { id: rows[0]!.id, startedAt: startedAt.getTime(), endedAt: endedAt.getTime(), path: relative, file, sha256: info.sha256 };
}
