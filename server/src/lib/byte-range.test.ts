// Small: Range headers as players send them (hls.js asks for a map and each segment's fragments by byte range).
import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it('reads one range, open-ended ranges and suffixes, cut to the file', () => {
    expect(parseByteRange('bytes=0-799', 5000)).toEqual({ kind: 'part', start: 0, end: 799 });
    expect(parseByteRange('bytes=800-4999', 5000)).toEqual({ kind: 'part', start: 800, end: 4999 });
    expect(parseByteRange('bytes=800-', 5000)).toEqual({ kind: 'part', start: 800, end: 4999 });
    expect(parseByteRange('bytes=800-99999', 5000)).toEqual({ kind: 'part', start: 800, end: 4999 });
    expect(parseByteRange('bytes=-100', 5000)).toEqual({ kind: 'part', start: 4900, end: 4999 });
    expect(parseByteRange('bytes=-99999', 5000)).toEqual({ kind: 'part', start: 0, end: 4999 });
    expect(parseByteRange('Bytes= 10-20 ', 5000)).toEqual({ kind: 'part', start: 10, end: 20 });
  });

  it('sends the whole file without a header or for one it does not take', () => {
    for (const header of [
      undefined,
      'items=0-1',
      'bytes=0-1,5-9',
      'bytes=abc',
      'bytes=-',
      'bytes=20-10',
      'bytes=1e3-',
      `bytes=0-${'9'.repeat(30)}`,
    ]) {
      expect(parseByteRange(header, 5000), String(header)).toEqual({ kind: 'whole' });
    }
  });

  it('finds no part for a range past the end or an empty suffix', () => {
    expect(parseByteRange('bytes=5000-', 5000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=6000-7000', 5000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseByteRange('bytes=-0', 5000)).toEqual({ kind: 'unsatisfiable' });
  });
});
