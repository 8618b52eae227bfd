import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './sarabun-font';

/** A WOFF of two tables, one stored compressed, one not (too small to gain). */
function tinyWoff(): { woff: Buffer; tables: Buffer[] } {
  const tables = [Buffer.from('A'.repeat(40)), Buffer.from('xyz')];
  const stored = [deflateSync(tables[0]!), tables[1]!];
  const header = Buffer.alloc(44 + 20 * tables.length);
  header.write('wOFF', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt16BE(tables.length, 12);
  let offset = header.length;
  stored.forEach((data, i) => {
    const entry = 44 + i * 20;
    header.write(i === 0 ? 'aaaa' : 'bbbb', entry, 'latin1');
    header.writeUInt32BE(offset, entry + 4);
    header.writeUInt32BE(data.length, entry + 8);
    header.writeUInt32BE(tables[i]!.length, entry + 12);
    header.writeUInt32BE(1000 + i, entry + 16);
    offset += data.length;
  });
  return { woff: Buffer.concat([header, ...stored]), tables };
}

describe('woffToSfnt', () => {
  it('rebuilds the sfnt directory with every table unpacked and 4-byte aligned', () => {
    const { woff, tables } = tinyWoff();
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.readUInt16BE(4)).toBe(2);
    for (let i = 0; i < 2; i++) {
      const entry = 12 + i * 16;
      expect(sfnt.toString('latin1', entry, entry + 4)).toBe(i === 0 ? 'aaaa' : 'bbbb');
      expect(sfnt.readUInt32BE(entry + 4)).toBe(1000 + i);
      const offset = sfnt.readUInt32BE(entry + 8);
      expect(offset % 4).toBe(0);
      expect(sfnt.subarray(offset, offset + sfnt.readUInt32BE(entry + 12))).toEqual(tables[i]);
    }
  });

  it('refuses what is not a WOFF', () => {
    expect(() => woffToSfnt(Buffer.from('OTTO0000000000000000'))).toThrow(/WOFF/);
  });
});
