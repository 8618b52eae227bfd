// A lease in Redis that one process at a time holds (SET NX PX), kept by renewing it, lost to another process only
// when its holder stops renewing (dies, hangs) and it expires.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Renew or give up only a lease that is still ours: another holder may have taken it after ours expired.
const RENEW_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export class RedisLease {
  private readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease if free, renews it if ours; false while another process holds it. */
  async acquire(): Promise<boolean> {
    if ((await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK') return true;
    return (await this.redis.eval(RENEW_IF_OURS, 1, this.key, this.token, this.ttlMs)) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE_IF_OURS, 1, this.key, this.token);
  }
}
