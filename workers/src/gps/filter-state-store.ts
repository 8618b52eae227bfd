// The filters' memory of each device: kept in process, read from Redis the first time a device shows up (e.g. after a restart).
import type { Redis } from 'ioredis';
import type { ChainableCommander } from 'ioredis';
import type { DeviceFilterState } from './filters';

export class FilterStateStore {
  private readonly states = new Map<number, DeviceFilterState>();
  private readonly looked = new Set<number>();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  /** The states of these devices (those never seen and not in Redis are simply absent). */
  async load(deviceIds: Iterable<number>): Promise<ReadonlyMap<number, DeviceFilterState>> {
    const unknown = [...new Set(deviceIds)].filter((id) => !this.looked.has(id));
    if (unknown.length > 0) {
      const values = await this.redis.hmget(this.key, ...unknown.map(String));
      unknown.forEach((id, i) => {
        this.looked.add(id);
        const json = values[i];
        if (!json) return;
        try {
          this.states.set(id, JSON.parse(json) as DeviceFilterState);
        } catch {
          // A damaged state is forgotten: the next fix starts the device afresh.
        }
      });
    }
    return this.states;
  }

  /** The states a filtered batch left (used at once by the next batch, before this one is stored). */
  apply(changed: ReadonlyMap<number, DeviceFilterState>): void {
    for (const [id, state] of changed) this.states.set(id, state);
  }

  /** Adds the write of a stored batch's states to Redis to `pipeline` (what a restarted worker starts from). */
  save(changed: ReadonlyMap<number, DeviceFilterState>, pipeline: ChainableCommander): void {
    if (changed.size === 0) return;
    const fields: string[] = [];
    for (const [id, state] of changed) fields.push(String(id), JSON.stringify(state));
    pipeline.hset(this.key, ...fields);
  }
}
