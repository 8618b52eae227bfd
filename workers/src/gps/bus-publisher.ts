// Bus states out: the latest per vehicle is written to the Redis hash and published as one BusDelta every interval.
import type { Redis } from 'ioredis';
import type { BusDelta, BusState } from '@toc/server/schemas';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { channelNames } from '@toc/server/realtime/channel-names';

export class BusPublisher {
  private pending = new Map<number, BusState>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readonly hashKey: string;
  private readonly channel: string;
  published = 0;

  /** `queuePrefix`: the deployment's, for the hash's key and the channel's name. */
  constructor(
    private readonly redis: Redis,
    queuePrefix: string,
    intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.hashKey = busKeys(queuePrefix).busState;
    this.channel = channelNames(queuePrefix).buses;
    this.timer = setInterval(() => void this.flush(), intervalMs);
  }

  /** Only positions already stored in PostGIS may come here. */
  upsert(state: BusState): void {
    this.pending.set(state.vehicleId, state);
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const states = [...this.pending.values()];
      this.pending = new Map();
      const delta: BusDelta = { at: new Date().toISOString(), upsert: states, remove: [] };
      const fields = states.flatMap((s) => [String(s.vehicleId), JSON.stringify(s)]);
      try {
        // The hash first: a client that reads it after this delta never sees an older bus.
        await this.redis
          .pipeline()
          .hset(this.hashKey, ...fields)
          .publish(this.channel, JSON.stringify(delta))
          .exec();
        this.published += states.length;
      } catch (error) {
        this.onError(error);
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
