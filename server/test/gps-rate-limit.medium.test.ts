// Medium: the GPS token buckets in real Redis allow a burst, refill at the rate, take from all keys or none, tell how
// long to wait, and hold one allowance for servers sharing the Redis, even under concurrent takes.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireEnv } from '@toc/server/testing';
import {
  gpsRateLimitKey,
  RedisTokenBuckets,
  type BucketLimits,
  type RateLimitKind,
} from '../src/services/gps/rate-limit';

// A prefix per run, and one per test below it: runs and tests sharing the Redis stay apart.
const runPrefix = `test_gps_rate_${randomBytes(5).toString('hex')}`;
let testCount = 0;
const T0 = Date.parse('2027-01-01T01:00:00Z');
/** Two servers: each has its own connection to the one Redis. */
let serverA: Redis;
let serverB: Redis;

beforeAll(() => {
  serverA = new Redis(requireEnv('REDIS_URL'));
  serverB = new Redis(requireEnv('REDIS_URL'));
});

afterAll(async () => {
  if (serverA) {
    const keys: string[] = [];
    for await (const batch of serverA.scanStream({ match: `${runPrefix}*`, count: 1000 }))
      keys.push(...(batch as string[]));
    if (keys.length > 0) await serverA.del(...keys);
    expect(await serverA.keys(`${runPrefix}*`)).toEqual([]);
  }
  await serverA?.quit();
  await serverB?.quit();
});

/** A fresh deployment prefix; buckets on it from either server. */
function deployment(limits: BucketLimits, kind: RateLimitKind = 'osmand') {
  const prefix = `${runPrefix}-${++testCount}`;
  return {
    prefix,
    a: new RedisTokenBuckets(serverA, prefix, kind, limits),
    b: new RedisTokenBuckets(serverB, prefix, kind, limits),
  };
}

const want = (...entries: Array<[number, number]>) => new Map(entries);
const taken = new Map<number, number>();

describe('GPS token buckets in Redis', () => {
  it('allows the burst, then refuses until tokens refill over time', async () => {
    const { a } = deployment({ burst: 3, perSecond: 0.5 });
    for (let i = 0; i < 3; i++) expect(await a.takeAll(want([7, 1]), T0)).toEqual(taken);
    // One token takes 2 s at 0.5/s.
    expect(await a.takeAll(want([7, 1]), T0)).toEqual(want([7, 2]));
    // Half a token after 1 s: still short, and 1 s to go.
    expect(await a.takeAll(want([7, 1]), T0 + 1000)).toEqual(want([7, 1]));
    expect(await a.takeAll(want([7, 1]), T0 + 2000)).toEqual(taken);
    expect(await a.takeAll(want([7, 1]), T0 + 2000)).toEqual(want([7, 2]));
    // Three more after 6 s, not four.
    expect(await a.takeAll(want([7, 3]), T0 + 8000)).toEqual(taken);
    expect(await a.takeAll(want([7, 1]), T0 + 8000)).toEqual(want([7, 2]));
  });

  it('never refills above the burst', async () => {
    const { a } = deployment({ burst: 2, perSecond: 1 });
    expect(await a.takeAll(want([1, 2]), T0)).toEqual(taken);
    // A minute later the bucket holds the burst, no more.
    expect(await a.takeAll(want([1, 3]), T0 + 60_000)).toEqual(want([1, 1]));
    expect(await a.takeAll(want([1, 2]), T0 + 60_000)).toEqual(taken);
    expect(await a.takeAll(want([1, 1]), T0 + 60_000)).toEqual(want([1, 1]));
  });

  it('takes from every key or from none', async () => {
    const { a, prefix } = deployment({ burst: 5, perSecond: 1 });
    expect(await a.takeAll(want([1, 4]), T0)).toEqual(taken);
    expect(await a.takeAll(want([1, 2], [2, 2]), T0)).toEqual(want([1, 1]));
    // Key 2 was not charged by the refused request (nor even written).
    expect(await serverA.exists(gpsRateLimitKey(prefix, 'osmand', 2))).toBe(0);
    expect(await a.takeAll(want([2, 5]), T0)).toEqual(taken);
    // Key 1 still has its one token.
    expect(await a.takeAll(want([1, 1]), T0)).toEqual(taken);
    expect(await a.takeAll(want([1, 1], [2, 1]), T0)).toEqual(want([1, 1], [2, 1]));
  });

  it('tells each short key the seconds until its count is there, capped at the burst', async () => {
    const { a } = deployment({ burst: 10, perSecond: 2 });
    expect(await a.takeAll(want([1, 10], [2, 9]), T0)).toEqual(taken);
    // 25 fixes can never fit: the wait is for a full bucket (5 s), not for 25 tokens.
    expect(await a.takeAll(want([1, 25]), T0)).toEqual(want([1, 5]));
    // Half a second later key 1 has 1 token, key 2 has 2: wanting 4 each, 1.5 s and 1 s (rounded up, at least 1).
    expect(await a.takeAll(want([1, 4], [2, 4]), T0 + 500)).toEqual(want([1, 2], [2, 1]));
    // Key 2 is short by a fraction only; key 3 (new, full) is not short.
    expect(await a.takeAll(want([2, 3], [3, 10]), T0 + 500)).toEqual(want([2, 1]));
  });

  it('keeps osmand and batch allowances apart', async () => {
    const osmand = deployment({ burst: 1, perSecond: 1 }, 'osmand');
    const batch = new RedisTokenBuckets(serverA, osmand.prefix, 'batch', { burst: 1, perSecond: 1 });
    expect(await osmand.a.takeAll(want([1, 1]), T0)).toEqual(taken);
    expect(await osmand.a.takeAll(want([1, 1]), T0)).toEqual(want([1, 1]));
    expect(await batch.takeAll(want([1, 1]), T0)).toEqual(taken);
  });

  it('lets Redis drop a bucket once it would be full again', async () => {
    const { a, prefix } = deployment({ burst: 3, perSecond: 0.5 });
    expect(await a.takeAll(want([1, 1]), T0)).toEqual(taken);
    // One token short: full after 2 s, kept a second longer.
    const ttl = await serverA.pttl(gpsRateLimitKey(prefix, 'osmand', 1));
    expect(ttl).toBeGreaterThan(2000);
    expect(ttl).toBeLessThanOrEqual(3000);
  });

  it('gives two servers sharing the Redis one burst between them', async () => {
    const { a, b } = deployment({ burst: 4, perSecond: 1 });
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await (i % 2 === 0 ? a : b).takeAll(want([1, 1]), T0));
    expect(replies.map((r) => r.size === 0)).toEqual([true, true, true, true, false, false]);
    // A second later each server sees the one refilled token, and only one of them gets it.
    expect(await b.takeAll(want([1, 1]), T0 + 1000)).toEqual(taken);
    expect(await a.takeAll(want([1, 1]), T0 + 1000)).toEqual(want([1, 1]));
  });

  it('does not refill the same time twice when one server clock lags', async () => {
    const { a, b } = deployment({ burst: 2, perSecond: 1 });
    expect(await a.takeAll(want([1, 1]), T0 + 10_000)).toEqual(taken);
    // Server B is a second behind: it takes the token left, without moving the bucket's time back.
    expect(await b.takeAll(want([1, 1]), T0 + 9000)).toEqual(taken);
    expect(await a.takeAll(want([1, 2]), T0 + 11_000)).toEqual(want([1, 1]));
    expect(await a.takeAll(want([1, 1]), T0 + 11_000)).toEqual(taken);
  });

  it('never lets concurrent takes from both servers exceed the burst', async () => {
    const { a, b, prefix } = deployment({ burst: 50, perSecond: 1 });
    const single = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).takeAll(want([1, 1]), T0)),
    );
    expect(single.filter((r) => r.size === 0)).toHaveLength(50);
    // Requests for two devices at once, racing ones for one of them: device 2 has 50 tokens, device 3 has 50.
    const mixed = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 === 0 ? a : b).takeAll(i % 4 < 2 ? want([2, 1], [3, 1]) : want([2, 1]), T0),
      ),
    );
    const pairs = mixed.filter((r, i) => r.size === 0 && i % 4 < 2).length;
    const singles = mixed.filter((r, i) => r.size === 0 && i % 4 >= 2).length;
    expect(pairs + singles).toBe(50);
    const tokens = async (id: number) =>
      Number(await serverA.hget(gpsRateLimitKey(prefix, 'osmand', id), 'tokens'));
    expect(await tokens(1)).toBe(0);
    expect(await tokens(2)).toBe(0);
    expect(await tokens(3)).toBe(50 - pairs);
  });
});
