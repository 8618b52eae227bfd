// Bench footage for exports: one 720p CCTV-like recording (constant bitrate, 1 s GOP) indexed for several cameras
// over the same wall-clock window, a copy per camera so no arm reads another camera's files from the cache for free.
import type pg from 'pg';
import { indexRecordedSegment, recordStreetClip, type RecordedFile } from '../test/recorded-footage';

export interface BenchSegment {
  absPath: string;
  startedAt: Date;
  endedAt: Date;
}

export const recordBenchStream = (
  dir: string,
  options: { seconds: number; segmentS: number; bitrate: string },
) =>
  recordStreetClip(dir, options.seconds, options.segmentS, {
    scale: '1280:720',
    bitrate: options.bitrate,
    gop: 25,
  });

/** Camera `cameraId`'s copy of the recording, indexed from `t0`; its segments in order. */
export async function indexBenchCamera(
  db: pg.Pool,
  recordingsDir: string,
  cameraId: number,
  recorded: RecordedFile[],
  t0: number,
): Promise<BenchSegment[]> {
  const out: BenchSegment[] = [];
  let wall = t0;
  for (const segment of recorded) {
    const indexed = await indexRecordedSegment(db, recordingsDir, cameraId, segment, wall, {
      copy: true,
      workerId: 'bench',
    });
    out.push({
      absPath: indexed.file,
      startedAt: new Date(indexed.startedAt),
      endedAt: new Date(indexed.endedAt),
    });
    wall = indexed.endedAt;
  }
  return out;
}
