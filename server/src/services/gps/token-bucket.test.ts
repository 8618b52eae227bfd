// Small: per-device token buckets allow a burst, refill at the rate, and take from all keys or none.
import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows the burst, then refuses until tokens refill', () => {
    const buckets = new TokenBuckets({ burst: 3, perSecond: 2 });
    const one = new Map([[7, 1]]);
    expect([0, 0, 0].map(() => buckets.takeAll(one, 1000))).toEqual([[], [], []]);
    expect(buckets.takeAll(one, 1000)).toEqual([7]);
    expect(buckets.waitSeconds(7, 1, 1000)).toBe(1);
    expect(buckets.takeAll(one, 1500)).toEqual([]);
    expect(buckets.takeAll(one, 1500)).toEqual([7]);
  });

  it('never refills above the burst', () => {
    const buckets = new TokenBuckets({ burst: 2, perSecond: 100 });
    expect(buckets.takeAll(new Map([[1, 2]]), 0)).toEqual([]);
    expect(buckets.takeAll(new Map([[1, 3]]), 60_000)).toEqual([1]);
  });

  it('takes from every key or none', () => {
    const buckets = new TokenBuckets({ burst: 5, perSecond: 1 });
    expect(buckets.takeAll(new Map([[1, 4]]), 0)).toEqual([]);
    expect(
      buckets.takeAll(
        new Map([
          [1, 2],
          [2, 2],
        ]),
        0,
      ),
    ).toEqual([1]);
    // Key 2 was not charged by the refused request.
    expect(buckets.takeAll(new Map([[2, 5]]), 0)).toEqual([]);
  });
});
