// Token buckets per GPS device kept in Redis, so every server behind the load balancer draws on the same allowance.
import type { Redis } from 'ioredis';
import { TAKE_TOKENS } from './rate-limit.scripts';

export interface BucketLimits {
  /** Tokens a full bucket holds: the most a device may send at once. */
  burst: number;
  /** Tokens added back per second, up to the burst. */
  perSecond: number;
}

/** Each kind is a limit of its own: a device's OsmAnd fixes do not use up its batch allowance. */
export type RateLimitKind = 'osmand' | 'batch';

export const gpsRateLimitKey = (prefix: string, kind: RateLimitKind, deviceId: number) =>
  `${prefix}:gps:rate-limit:${kind}:${deviceId}`;

export class RedisTokenBuckets {
  constructor(
    private readonly redis: Redis,
    /** Redis key prefix of the deployment (QUEUE_PREFIX). */
    private readonly keyPrefix: string,
    private readonly kind: RateLimitKind,
    private readonly limits: BucketLimits,
  ) {}

  /**
   * Takes `count` tokens from every key, or from none when any key has too few. Returns the keys that are short,
   * each with the seconds until its count (at most the burst) is available, for Retry-After; empty when taken.
   */
  async takeAll(wanted: ReadonlyMap<number, number>, nowMs: number): Promise<Map<number, number>> {
    const short = new Map<number, number>();
    if (wanted.size === 0) return short;
    const ids = [...wanted.keys()];
    const waits = (await this.redis.eval(
      TAKE_TOKENS,
      ids.length,
      ...ids.map((id) => gpsRateLimitKey(this.keyPrefix, this.kind, id)),
      nowMs,
      this.limits.burst,
      this.limits.perSecond,
      ...ids.map((id) => wanted.get(id)!),
    )) as number[];
    ids.forEach((id, i) => {
      if (waits[i]! > 0) short.set(id, waits[i]!);
    });
    return short;
  }
}
