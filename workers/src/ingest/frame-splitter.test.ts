import { describe, expect, it } from 'vitest';
import { FrameSplitter } from './frame-splitter';

describe('FrameSplitter', () => {
  it('reassembles frames across arbitrary chunk boundaries', () => {
    const frames: number[][] = [];
    const splitter = new FrameSplitter(4, (f) => frames.push([...f]));
    splitter.push(Buffer.from([1, 2, 3]));
    splitter.push(Buffer.from([4, 5, 6, 7, 8, 9]));
    splitter.push(Buffer.from([10, 11, 12]));
    expect(frames).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
      [9, 10, 11, 12],
    ]);
  });
});
