// Records events durably in PostGIS first, then announces them through Redis (used by server and workers).
import type { Redis } from 'ioredis';
import type { Queryable } from '../db/pool';
import { insertEvent } from '../repositories/events.repository';
import { publishEvent } from '../realtime/channels';
import type { Event, NewEvent } from '../schemas';

export interface EventStore {
  record(event: NewEvent): Promise<Event>;
  announce(event: Event): Promise<void>;
}

export function createEventStore(db: Queryable, redis: Redis): EventStore {
  return {
    async record(event) {
      const stored = await insertEvent(db, event);
      await publishEvent(redis, stored);
      return stored;
    },
    announce: (event) => publishEvent(redis, event),
  };
}
