// Small tests for the latest-wins buffer the socket client uses to merge bursts.
import { describe, expect, it } from 'vitest';
import { LatestWinsBuffer } from './burst-buffer';

interface Change {
  id: number;
  seq: number;
}

describe('LatestWinsBuffer', () => {
  it('keeps one value per key, the newest by seq', () => {
    const buffer = new LatestWinsBuffer<number, Change>(
      (c) => c.id,
      (next, current) => next.seq >= current.seq,
    );
    buffer.put({ id: 1, seq: 1 });
    buffer.put({ id: 2, seq: 2 });
    buffer.put({ id: 1, seq: 5 });
    buffer.put({ id: 1, seq: 3 }); // late replay of an older change
    expect(buffer.size).toBe(2);
    expect(buffer.drain()).toEqual([
      { id: 1, seq: 5 },
      { id: 2, seq: 2 },
    ]);
    expect(buffer.size).toBe(0);
    expect(buffer.drain()).toEqual([]);
  });

  it('lets the later arrival win by default', () => {
    const buffer = new LatestWinsBuffer<string, { k: string; v: number }>((x) => x.k);
    buffer.put({ k: 'a', v: 1 });
    buffer.put({ k: 'a', v: 2 });
    expect(buffer.drain()).toEqual([{ k: 'a', v: 2 }]);
  });
});
