// Which critical events take over the wall's large tile: open ones of the takeover types, most severe and newest first.
import { SEVERITIES, type Event, type EventType } from '@toc/server/schemas';

/** Events that need eyes at once: a crash on the road, elephants near homes, a dangerous crowd. */
export const TAKEOVER_TYPES: readonly EventType[] = ['traffic.accident', 'elephant.warning', 'crowd.alert'];

export const isTakeoverEvent = (event: Event): boolean => event.status === 'open' && TAKEOVER_TYPES.includes(event.type);

const rank = (event: Event) => SEVERITIES.indexOf(event.severity);

/**
 * Merges event lists (the live store and the wall's own load of open alarms) keeping the highest seq of each id,
 * then orders the open takeover events: most severe first, then newest, then highest id.
 */
export function takeoverQueue(...lists: readonly (readonly Event[])[]): Event[] {
  const latest = new Map<number, Event>();
  for (const list of lists) {
    for (const event of list) {
      const held = latest.get(event.id);
      if (!held || held.seq < event.seq) latest.set(event.id, event);
    }
  }
  return [...latest.values()]
    .filter(isTakeoverEvent)
    .sort((a, b) => rank(b) - rank(a) || b.startedAt.localeCompare(a.startedAt) || b.id - a.id);
}

/**
 * The events of `queue` that were not in the queue before: a new alarm on the wall, which sounds the alert.
 * The first look at the queue (previous = null) announces nothing, so opening the wall is silent.
 */
export function newArrivals(previous: ReadonlySet<number> | null, queue: readonly Event[]): Event[] {
  if (previous === null) return [];
  return queue.filter((event) => !previous.has(event.id));
}

/**
 * The queue with the event an operator chose from the "+N more" list moved to the front, so it takes the large tile;
 * the queue unchanged when that event is no longer in it (acknowledged, resolved), so priority order returns.
 */
export function withChosenFirst(queue: readonly Event[], chosenId: number | null): readonly Event[] {
  const chosen = chosenId === null ? -1 : queue.findIndex((event) => event.id === chosenId);
  if (chosen <= 0) return queue;
  return [queue[chosen]!, ...queue.slice(0, chosen), ...queue.slice(chosen + 1)];
}
