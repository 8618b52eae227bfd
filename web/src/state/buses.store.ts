// The live buses by vehicle id, kept from the socket's merged `buses.delta` change sets.
import type { BusState } from '@toc/server/schemas';
import type { MergedBusDelta } from '../realtime/bus-delta-merger';
import { ObservableStore } from './observable-store';

export interface BusesSnapshot {
  byId: ReadonlyMap<number, BusState>;
}

const EMPTY: BusesSnapshot = { byId: new Map() };

/** The bus map after one change set; the input map is not modified. */
export function applyBusDelta(current: ReadonlyMap<number, BusState>, delta: MergedBusDelta): Map<number, BusState> {
  const next = delta.reset ? new Map<number, BusState>() : new Map(current);
  for (const bus of delta.upsert) next.set(bus.vehicleId, bus);
  for (const vehicleId of delta.remove) next.delete(vehicleId);
  return next;
}

export class BusesStore extends ObservableStore<BusesSnapshot> {
  constructor() {
    super(EMPTY);
  }

  apply(delta: MergedBusDelta): void {
    this.set({ byId: applyBusDelta(this.get().byId, delta) });
  }

  clear(): void {
    this.set(EMPTY);
  }
}
