// What a recorded-footage player is doing, as stores its tile and the page read: status, playing, speed; and the
// wall-clock time of the frame on screen (which changes every frame, so it has its own store).
import { ObservableStore } from '../state/observable-store';

export type PlayerStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; at: number }
  | { kind: 'ready' }
  /** Nothing recorded at `at` (nor later in the playlist asked for); `reason`: the server's words for it, if it said. */
  | { kind: 'no-footage'; at: number; reason: Error | null }
  | { kind: 'error'; error: Error };

export interface PlayerState {
  status: PlayerStatus;
  playing: boolean;
  rate: number;
}

export class PlayerStateStore extends ObservableStore<PlayerState> {
  constructor() {
    super({ status: { kind: 'idle' }, playing: false, rate: 1 });
  }

  update(patch: Partial<PlayerState>): void {
    const current = this.get();
    if (Object.entries(patch).every(([key, value]) => current[key as keyof PlayerState] === value)) return;
    this.set({ ...current, ...patch });
  }
}

/** Epoch ms of the frame on screen; null before the first one. */
export class WallClockStore extends ObservableStore<number | null> {
  constructor() {
    super(null);
  }

  show(at: number): void {
    this.set(at);
  }
}
