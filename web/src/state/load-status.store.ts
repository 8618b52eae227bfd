// Whether each initial REST load is pending, done or failed, for the UI to say so.
import { ObservableStore } from './observable-store';

export type LoadState = 'loading' | 'ready' | 'failed';
export interface LoadStatus {
  events: LoadState;
  cameras: LoadState;
}

export class LoadStatusStore extends ObservableStore<LoadStatus> {
  constructor() {
    super({ events: 'loading', cameras: 'loading' });
  }

  update(part: keyof LoadStatus, state: LoadState): void {
    if (this.get()[part] !== state) this.set({ ...this.get(), [part]: state });
  }
}
