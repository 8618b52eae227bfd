// Records events durably in PostGIS first, then announces them through Redis (used by server and workers).
import type { Pool } from '../db/pool';
import { withTransaction } from '../db/transaction';
import { foldIntoAlarm, insertEvent, insertEventUpdate, lockFoldKey } from '../repositories/events.repository';
import { publishEvent, type Announcer } from '../realtime/channels';
import type { Event, NewEvent } from '../schemas';
import { foldSince } from './alarm-folding';

/** What `raise` did: opened a new alarm, or folded the trigger into the alarm it repeats. */
export interface Raised {
  event: Event;
  folded: boolean;
}

export interface EventStore {
  record(event: NewEvent): Promise<Event>;
  /**
   * Raises an alarm that may repeat: folds it into the open or acknowledged alarm with the same `foldKey` (within
   * its type's fold window, see FOLD_WINDOW_S), else opens a new one. Either way the change is in the alarm's
   * history ('opened' or 'repeated') and announced.
   */
  raise(event: NewEvent, foldKey: string): Promise<Raised>;
  announce(event: Event): Promise<void>;
}

export function createEventStore(db: Pool, out: Announcer): EventStore {
  return {
    async record(event) {
      const stored = await insertEvent(db, event);
      await publishEvent(out, stored);
      return stored;
    },
    async raise(event, foldKey) {
      const since = foldSince(event.type, event.startedAt);
      const raised = await withTransaction(db, async (tx): Promise<Raised> => {
        await lockFoldKey(tx, foldKey);
        const folded = since === null ? null : await foldIntoAlarm(tx, { foldKey, sinceIso: since, event });
        if (folded) {
          await insertEventUpdate(tx, { eventId: folded.id, kind: 'repeated', detail: { occurrences: folded.occurrences, severity: event.severity } });
          return { event: folded, folded: true };
        }
        const opened = await insertEvent(tx, event, foldKey);
        await insertEventUpdate(tx, { eventId: opened.id, kind: 'opened', detail: { severity: event.severity, confidence: event.confidence } });
        return { event: opened, folded: false };
      });
      await publishEvent(out, raised.event);
      return raised;
    },
    announce: (event) => publishEvent(out, event),
  };
}
