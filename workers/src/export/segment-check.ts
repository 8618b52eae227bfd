// Before footage goes into a package, each recorded segment is hashed again and compared with the hash the recorder
// wrote when it closed: a file changed since is named, never exported as if it were the master.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

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

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Throws SegmentChangedError for the first segment whose file is gone or differs from its recorded hash. */
export async function checkSegments(
  segments: readonly { absPath: string; path: string; sha256: string }[],
): Promise<void> {
  for (const segment of segments) {
    const actual = await sha256OfFile(segment.absPath).catch(() => null);
    if (actual === null) throw new SegmentChangedError(segment.path, 'missing');
    if (actual !== segment.sha256) throw new SegmentChangedError(segment.path, 'changed');
  }
}
