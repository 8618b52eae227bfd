// Reads the transit engine's trip predictions from Redis (hash vehicleId → TripPrediction JSON).
import type { Redis } from 'ioredis';
import type { TripPrediction } from '../../schemas';

/** The key the transit engine writes (workers/src/transit/predictions-publisher.ts). */
export const predictionsKey = (prefix: string) => `${prefix}:bus:predictions`;

export async function readTripPredictions(redis: Redis, prefix: string): Promise<TripPrediction[]> {
  const all = await redis.hvals(predictionsKey(prefix));
  const out: TripPrediction[] = [];
  for (const json of all) {
    try {
      out.push(JSON.parse(json) as TripPrediction);
    } catch {
      // A damaged entry is skipped; the engine rewrites it on its next tick.
    }
  }
  return out.sort((a, b) => a.vehicleId - b.vehicleId);
}
