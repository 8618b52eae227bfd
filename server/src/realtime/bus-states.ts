// Reads what the GPS worker and the transit engine keep in Redis: the latest state of every bus, and each stop's arrivals.
import type { Redis } from 'ioredis';
import type { BusState, StopArrivalsMessage } from '../schemas';
import { busKeys } from './bus-keys';

export async function readBusStates(redis: Redis, prefix: string): Promise<BusState[]> {
  const all = await redis.hvals(busKeys(prefix).busState);
  const states: BusState[] = [];
  for (const json of all) {
    try {
      states.push(JSON.parse(json) as BusState);
    } catch {
      // A damaged entry is skipped; the worker rewrites it with the next fix.
    }
  }
  return states.sort((a, b) => a.vehicleId - b.vehicleId);
}

export const stopRoom = (feedId: number, stopId: string) => `stop:${feedId}:${stopId}`;

/** The current arrivals of these stops, as the transit engine last wrote them (stops without any are left out). */
export async function currentArrivals(
  redis: Redis,
  prefix: string,
  stops: ReadonlyArray<{ feedId: number; stopId: string }>,
): Promise<StopArrivalsMessage[]> {
  if (stops.length === 0) return [];
  const keys = busKeys(prefix);
  const values = await redis.mget(stops.map((s) => keys.stopArrivals(s.feedId, s.stopId)));
  return values.flatMap((json) => {
    try {
      return json ? [JSON.parse(json) as StopArrivalsMessage] : [];
    } catch {
      return [];
    }
  });
}
