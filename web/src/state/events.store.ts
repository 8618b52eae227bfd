// Live events in memory: merged from the REST page, the socket and operator actions (highest seq wins).
import type { Event } from '@toc/server/schemas';
import { ObservableStore } from './observable-store';

export interface EventsSnapshot {
  /** Newest first (by start time, then id). */
  list: readonly Event[];
  byId: ReadonlyMap<number, Event>;
}

function newestFirst(a: Event, b: Event): number {
  const byTime = Date.parse(b.startedAt) - Date.parse(a.startedAt);
  return byTime !== 0 ? byTime : b.id - a.id;
}

export class EventsStore extends ObservableStore<EventsSnapshot> {
  constructor(private readonly maxEvents: number) {
    super({ list: [], byId: new Map() });
  }

  /** Merges changes; an older seq than the one held for the same id is ignored. */
  upsert(events: readonly Event[]): void {
    const current = this.get();
    const byId = new Map(current.byId);
    let changed = false;
    for (const event of events) {
      const held = byId.get(event.id);
      if (held && held.seq >= event.seq) continue;
      byId.set(event.id, event);
      changed = true;
    }
    if (!changed) return;
    const list = [...byId.values()].sort(newestFirst);
    for (const dropped of list.splice(this.maxEvents)) byId.delete(dropped.id);
    this.set({ list, byId });
  }

  clear(): void {
    this.set({ list: [], byId: new Map() });
  }
}
