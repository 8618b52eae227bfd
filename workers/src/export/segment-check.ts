// Before footage goes into a package, each recorded segment is hashed again and compared with the hash the recorder
// wrote when it closed: a file changed since is named, never exported as if it were the master.
import { hashFile } from '../record/segment-file';

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

/** Throws SegmentChangedError for the first segment whose file is gone or differs from its recorded hash. */
export async function checkSegments(
  segments: readonly { absPath: string; path: string; sha256: string }[],
): Promise<void> {
  for (const segment of segments) {
    // The recorder's own hash function: the same bytes give the same hash it indexed.
    const actual = await hashFile(segment.absPath).then((h) => h.sha256, () => null);
    if (actual === null) throw new SegmentChangedError(segment.path, 'missing');
    if (actual !== segment.sha256) throw new SegmentChangedError(segment.path, 'changed');
  }
}
