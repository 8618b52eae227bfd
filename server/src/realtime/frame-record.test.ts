// The live-frame stream framing survives arbitrary chunking and refuses absurd lengths.
import { describe, expect, it } from 'vitest';
import { encodeFrameRecord, FrameRecordDecoder, MAX_RECORD_PART_BYTES } from './frame-record';

const record = (cameraId: number, bytes: number[]) => ({
  meta: { cameraId, at: '2026-11-22T01:02:03.000Z', width: 416, height: 234, boxes: [{ x: 0.1, y: 0.2, w: 0.3, h: 0.4, label: 'car', score: 0.9, trackId: 7 }] },
  jpeg: Buffer.from(bytes),
});

describe('frame records', () => {
  it('round-trips several records split into one-byte chunks', () => {
    const stream = Buffer.concat([encodeFrameRecord(record(1, [1, 2, 3])), encodeFrameRecord(record(2, [9]))]);
    const decoder = new FrameRecordDecoder();
    const out = [...stream].flatMap((byte) => decoder.push(Buffer.from([byte])));
    expect(out).toEqual([record(1, [1, 2, 3]), record(2, [9])]);
  });

  it('returns nothing until a record is complete', () => {
    const bytes = encodeFrameRecord(record(3, [5, 6]));
    const decoder = new FrameRecordDecoder();
    expect(decoder.push(bytes.subarray(0, bytes.length - 1))).toEqual([]);
    expect(decoder.push(bytes.subarray(bytes.length - 1))).toEqual([record(3, [5, 6])]);
  });

  it('throws on a length beyond the limit instead of buffering forever', () => {
    const bad = Buffer.alloc(8);
    bad.writeUInt32BE(MAX_RECORD_PART_BYTES + 1);
    expect(() => new FrameRecordDecoder().push(bad)).toThrow(/exceeds the limit/);
  });
});
