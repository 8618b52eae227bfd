// Token buckets per key (GPS device): a burst allowance refilled at a steady rate; pure apart from the clock passed in.
export interface BucketLimits {
  burst: number;
  perSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<number, Bucket>();

  constructor(
    private readonly limits: BucketLimits,
    /** Buckets kept at most; a full bucket carries no information, so those go first when over. */
    private readonly maxKeys = 200_000,
  ) {}

  private refill(key: number, nowMs: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: this.limits.burst, at: nowMs };
    const elapsedS = Math.max(0, nowMs - bucket.at) / 1000;
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + elapsedS * this.limits.perSecond);
    bucket.at = nowMs;
    return bucket;
  }

  /** Takes `count` tokens from every key, or from none when any key has too few; returns the keys that are short. */
  takeAll(wanted: ReadonlyMap<number, number>, nowMs: number): number[] {
    const short: number[] = [];
    const buckets = new Map<number, Bucket>();
    for (const [key, count] of wanted) {
      const bucket = this.refill(key, nowMs);
      buckets.set(key, bucket);
      if (bucket.tokens < count) short.push(key);
    }
    if (short.length === 0) {
      for (const [key, bucket] of buckets) {
        bucket.tokens -= wanted.get(key)!;
        this.buckets.set(key, bucket);
      }
      this.prune(nowMs);
    }
    return short;
  }

  /** Seconds until `count` tokens are available for `key` (for Retry-After). */
  waitSeconds(key: number, count: number, nowMs: number): number {
    const bucket = this.refill(key, nowMs);
    return Math.max(1, Math.ceil((count - bucket.tokens) / this.limits.perSecond));
  }

  private prune(nowMs: number): void {
    if (this.buckets.size <= this.maxKeys) return;
    for (const key of [...this.buckets.keys()]) {
      if (this.refill(key, nowMs).tokens >= this.limits.burst) this.buckets.delete(key);
    }
  }
}
