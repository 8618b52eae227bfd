import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useNativeZipCrc, yazlCrc32 } from './zip-crc';

describe('zip CRC through zlib', () => {
  it("gives yazl's buffer-crc32 its own answers, whole and as a running CRC", () => {
    const yazlCrc = yazlCrc32();
    const original = yazlCrc.unsigned.bind(yazlCrc);
    expect(useNativeZipCrc()).toBe(true);
    expect(yazlCrc32().unsigned).not.toBe(original);
    const data = randomBytes(100_003);
    expect(yazlCrc.unsigned(data)).toBe(original(data));
    let running = 0;
    let reference = 0;
    for (let at = 0; at < data.length; at += 7_919) {
      const piece = data.subarray(at, at + 7_919);
      running = yazlCrc.unsigned(piece, running);
      reference = original(piece, reference);
    }
    expect(running).toBe(reference);
    expect(running).toBe(original(data));
    const previous = Buffer.alloc(4);
    previous.writeUInt32BE(original('x'));
    expect(yazlCrc.unsigned('สวัสดี', previous)).toBe(original('สวัสดี', previous));
  });
});
