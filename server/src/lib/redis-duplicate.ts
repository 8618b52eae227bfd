// A second connection to the same Redis (subscriptions, blocking reads) that leaves the outage reports to the first.
import type { Redis } from 'ioredis';

/**
 * While Redis is away every reconnect attempt is an 'error' on every connection; the main one logs them, and one
 * with no listener would print "Unhandled error event" on each attempt. The copy reconnects by itself either way.
 */
export function duplicateConnection(redis: Redis): Redis {
  const copy = redis.duplicate();
  copy.on('error', () => undefined);
  return copy;
}
