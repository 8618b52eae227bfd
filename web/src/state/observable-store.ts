// Minimal external store for React's useSyncExternalStore: immutable snapshots, change listeners.
import { useSyncExternalStore } from 'react';

export class ObservableStore<T> {
  private readonly listeners = new Set<() => void>();

  constructor(private snapshot: T) {}

  readonly get = (): T => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(next: T): void {
    if (next === this.snapshot) return;
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }
}

export function useStore<T>(store: ObservableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
