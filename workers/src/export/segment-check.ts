// Before footage goes into a package, each recorded segment is hashed again and compared with the hash the recorder
// wrote when it closed: a file changed since is named, never exported as if it were the master. The same read gives
// the segment's media timing, so the cut rarely needs ffprobe.
import { hashFile } from '../record/segment-file';
import type { SegmentTiming } from '../record/mp4-fragments';

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

/**
 * Each segment with the timing read from its fragments (null where ffprobe must give it); throws SegmentChangedError
 * for the first segment whose file is gone or differs from its recorded hash.
 */
export async function checkSegments<S extends { absPath: string; path: string; sha256: string }>(
  segments: readonly S[],
): Promise<(S & { timing: SegmentTiming | null })[]> {
  const checked: (S & { timing: SegmentTiming | null })[] = [];
  for (const segment of segments) {
    // The recorder's own hash function: the same bytes give the same hash it indexed.
    const read = await hashFile(segment.absPath).catch(() => null);
    if (read === null) throw new SegmentChangedError(segment.path, 'missing');
    if (read.sha256 !== segment.sha256) throw new SegmentChangedError(segment.path, 'changed');
    checked.push({ ...segment, timing: read.timing });
  }
  return checked;
}
