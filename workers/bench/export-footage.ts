// Bench footage for exports: a CCTV-like stream (1 s GOP, no B-frames) cut by the recorder's own muxer options into
// segments, the same segments indexed for several cameras over one wall-clock window.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';
import { sharedDir } from '@toc/models';
import { indexSegment } from '@toc/server/repositories/recording-index.repository';
import { segmentOutputOptions, segmentPattern } from '../src/record/segment-output';
import { readSegmentFile } from '../src/record/segment-file';

const run = promisify(execFile);
const CLIP = path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4');

export interface BenchSegment {
  absPath: string;
  startedAt: Date;
  endedAt: Date;
}

/** Records `seconds` of a camera-like stream at `bitrate` into `segmentS` segments; returns the files and spans. */
export async function recordBenchStream(
  dir: string,
  options: { seconds: number; segmentS: number; bitrate: string },
): Promise<{ file: string; start: number; end: number }[]> {
  await mkdir(dir, { recursive: true });
  const stream = path.join(dir, 'stream.mp4');
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-stream_loop',
    '-1',
    '-i',
    CLIP,
    '-t',
    String(options.seconds),
    '-an',
    '-vf',
    'scale=1280:720',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-b:v',
    options.bitrate,
    '-maxrate',
    options.bitrate,
    '-bufsize',
    options.bitrate,
    '-g',
    '25',
    '-bf',
    '0',
    '-sc_threshold',
    '0',
    '-pix_fmt',
    'yuv420p',
    stream,
  ]);
  const list = path.join(dir, 'segments.csv');
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-i',
    stream,
    ...segmentOutputOptions(options.segmentS, list),
    path.join(dir, segmentPattern('bench')),
  ]);
  return (await readFile(list, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => {
      const [file, start, end] = line.split(',');
      return { file: path.join(dir, file!), start: Number(start), end: Number(end) };
    });
}

/** Copies the recorded segments into the volume as camera `cameraId`'s, indexed from `t0`; returns them in order. */
export async function indexBenchCamera(
  db: pg.Pool,
  recordingsDir: string,
  cameraId: number,
  recorded: { file: string; start: number; end: number }[],
  t0: number,
): Promise<BenchSegment[]> {
  const out: BenchSegment[] = [];
  let wall = t0;
  for (const segment of recorded) {
    const info = await readSegmentFile(segment.file);
    if ('corrupt' in info) throw new Error(`${segment.file}: ${info.corrupt}`);
    const startedAt = new Date(wall);
    const endedAt = new Date(wall + Math.round((segment.end - segment.start) * 1000));
    const relative = `${cameraId}/${startedAt.toISOString().slice(0, 10)}/${startedAt.toISOString().replace(/[-:]/g, '')}.mp4`;
    const absPath = path.join(recordingsDir, relative);
    await mkdir(path.dirname(absPath), { recursive: true });
    // A copy per camera, so no arm reads another camera's files from the page cache for free.
    await copyFile(segment.file, absPath);
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
      workerId: 'bench',
      clockSource: 'bench',
      interrupted: false,
    });
    out.push({ absPath, startedAt, endedAt });
    wall = endedAt.getTime();
  }
  return out;
}
