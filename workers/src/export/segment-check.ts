// Before footage goes into a package, each recorded segment is hashed again and compared with the hash the recorder
// wrote when it closed: a file changed since is named, never exported as if it were the master. Its media timing is
// read first from its boxes alone, so the cut (which rarely needs ffprobe then) runs while the hashes are checked.
import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { sha256OfFile } from '../lib/file-chunks';
import type { SegmentTiming } from '../record/mp4-fragments';
import { readSegmentTiming } from '../record/segment-timing-file';

export class SegmentChangedError extends Error {
  readonly messageTh: string;
  constructor(
    readonly path: string,
    reason: 'changed' | 'missing',
  ) {
    super(
      reason === 'missing'
        ? `Recorded segment ${path} is missing from the recordings volume`
        : `Recorded segment ${path} no longer matches the SHA-256 recorded when it closed`,
    );
    this.messageTh =
      reason === 'missing'
        ? `ไม่พบไฟล์ภาพบันทึก ${path} ในพื้นที่จัดเก็บ`
        : `ไฟล์ภาพบันทึก ${path} ไม่ตรงกับค่า SHA-256 ที่บันทึกไว้ตอนปิดไฟล์`;
    this.name = 'SegmentChangedError';
  }
}

interface IndexedSegment {
  absPath: string;
  /** Relative to the recordings volume, as the index (and the error) names it. */
  path: string;
  sha256: string;
}

/** Each segment with the timing read from its fragments (null where ffprobe must give it); SegmentChangedError when gone. */
export async function timeSegments<S extends IndexedSegment>(
  segments: readonly S[],
): Promise<(S & { timing: SegmentTiming | null })[]> {
  const timed: (S & { timing: SegmentTiming | null })[] = [];
  for (const segment of segments) {
    let timing: SegmentTiming | null = null;
    try {
      timing = readSegmentTiming(segment.absPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new SegmentChangedError(segment.path, 'missing');
      // Unreadable as boxes: ffprobe decides, and the hash check names the file if it changed.
    }
    timed.push({ ...segment, timing });
    await setImmediatePromise(); // the reads are synchronous: let the worker's other work run between segments
  }
  return timed;
}

/** Throws SegmentChangedError for the first segment whose file is gone or differs from its recorded hash. */
export async function checkSegments(segments: readonly IndexedSegment[]): Promise<void> {
  for (const segment of segments) {
    const sha256 = await sha256OfFile(segment.absPath).catch(() => null);
    if (sha256 === null) throw new SegmentChangedError(segment.path, 'missing');
    if (sha256 !== segment.sha256) throw new SegmentChangedError(segment.path, 'changed');
  }
}
