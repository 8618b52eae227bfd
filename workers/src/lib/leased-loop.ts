// A pass run every interval by the one process of the cluster holding a Redis lease; the others stand by and take
// over once the holder stops renewing it (dies, hangs).
import type { Redis } from 'ioredis';
import { RedisLease } from './redis-lease';

export interface LeasedLoopOptions {
  redis: Redis;
  leaseKey: string;
  everyS: number;
  pass: () => Promise<unknown>;
  onError: (error: Error) => void;
}

export function startLeasedLoop(options: LeasedLoopOptions): { stop: () => Promise<void> } {
  // Long enough to outlast a slow pass; short enough that another process takes over soon after this one dies.
  const lease = new RedisLease(options.redis, options.leaseKey, Math.max(3 * options.everyS, 60) * 1000);
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return; // a pass longer than the interval: the next tick comes after it
    running = (async () => {
      if (await lease.acquire()) await options.pass();
    })()
      .catch(options.onError)
      .finally(() => {
        running = null;
      });
  };
  tick();
  const timer = setInterval(tick, options.everyS * 1000);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await lease.release().catch(() => undefined);
    },
  };
}
