// Next arrivals per watched stop (`<feedId>:<stopId>`), from REST on open and `stop.arrivals` pushes after.
import type { StopArrivalsMessage } from '@toc/server/schemas';
import { ObservableStore } from './observable-store';

export const stopKey = (feedId: number, stopId: string): string => `${feedId}:${stopId}`;

export class StopArrivalsStore extends ObservableStore<ReadonlyMap<string, StopArrivalsMessage>> {
  constructor() {
    super(new Map());
  }

  /** Keeps each stop's newest message; a late older one is ignored. */
  apply(messages: readonly StopArrivalsMessage[]): void {
    const current = this.get();
    const fresh = messages.filter((m) => {
      const held = current.get(stopKey(m.feedId, m.stopId));
      return !held || Date.parse(m.at) >= Date.parse(held.at);
    });
    if (fresh.length === 0) return;
    const next = new Map(current);
    for (const m of fresh) next.set(stopKey(m.feedId, m.stopId), m);
    this.set(next);
  }

  clear(): void {
    if (this.get().size > 0) this.set(new Map());
  }
}
