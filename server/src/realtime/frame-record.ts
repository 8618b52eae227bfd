// Framing of the worker → server live-frame stream: [u32 meta length][meta JSON][u32 JPEG length][JPEG], repeated.
import type { LiveFrameMeta } from '../schemas';

export interface FrameRecord {
  meta: LiveFrameMeta;
  jpeg: Buffer;
}

/** Bounds a record so a corrupt length cannot make the reader buffer without end. */
export const MAX_RECORD_PART_BYTES = 4 * 1024 * 1024;

export function encodeFrameRecord(record: FrameRecord): Buffer {
  const meta = Buffer.from(JSON.stringify(record.meta), 'utf8');
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(meta.length);
  const jpegHeader = Buffer.allocUnsafe(4);
  jpegHeader.writeUInt32BE(record.jpeg.length);
  return Buffer.concat([header, meta, jpegHeader, record.jpeg]);
}

/** Incremental decoder: feed it chunks as they arrive, get back the records completed so far. */
export class FrameRecordDecoder {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): FrameRecord[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const records: FrameRecord[] = [];
    for (;;) {
      const record = this.next();
      if (!record) return records;
      records.push(record);
    }
  }

  private next(): FrameRecord | null {
    const buffer = this.pending;
    if (buffer.length < 4) return null;
    const metaLength = checkedLength(buffer.readUInt32BE(0));
    if (buffer.length < 8 + metaLength) return null;
    const jpegLength = checkedLength(buffer.readUInt32BE(4 + metaLength));
    const end = 8 + metaLength + jpegLength;
    if (buffer.length < end) return null;
    const meta = JSON.parse(buffer.subarray(4, 4 + metaLength).toString('utf8')) as LiveFrameMeta;
    // Copy out, so the record does not pin the (possibly large) chunk it came in.
    const jpeg = Buffer.from(buffer.subarray(8 + metaLength, end));
    this.pending = buffer.subarray(end);
    return { meta, jpeg };
  }
}

function checkedLength(length: number): number {
  if (length > MAX_RECORD_PART_BYTES) throw new Error(`frame record part of ${length} bytes exceeds the limit`);
  return length;
}
