import { describe, expect, it } from 'vitest';
import { parseSegmentList } from './segment-list';

describe('parseSegmentList', () => {
  it('reads closed segments and leaves a line still being written', () => {
    const text = 'r1-000000.mp4,0.000000,10.966667\nr1-000001.mp4,10.966667,20.966667\nr1-000002.mp4,20.96';
    expect(parseSegmentList(text)).toEqual([
      { file: 'r1-000000.mp4', startS: 0, endS: 10.966667 },
      { file: 'r1-000001.mp4', startS: 10.966667, endS: 20.966667 },
    ]);
  });

  it('skips lines that are not segments', () => {
    expect(parseSegmentList('\ngarbage\nr1-000000.mp4,5,4\nr1-000001.mp4,4,5\n')).toEqual([
      { file: 'r1-000001.mp4', startS: 4, endS: 5 },
    ]);
  });
});
