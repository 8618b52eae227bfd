// Live tracked objects on the ground, per camera: each message replaces that camera's set (an object missing
// from it is gone), and a camera silent for longer than the TTL loses its objects.
import type { TrackedObject, TrackedObjectsMessage } from '@toc/server/schemas';
import { ObservableStore } from './observable-store';

/** Workers send about once a second; five missed messages mean the camera or its tracker has stopped. */
export const OBJECTS_TTL_MS = 5_000;
const EXPIRY_CHECK_MS = 1_000;

export interface CameraObjects {
  cameraId: number;
  /** The message's own time (ISO), for measuring how late it is drawn. */
  at: string;
  atMs: number;
  /** Local clock when it arrived: the TTL is judged on this, so a skewed server clock cannot expire it early. */
  receivedAt: number;
  objects: readonly TrackedObject[];
}

export interface TrackedObjectsSnapshot {
  byCamera: ReadonlyMap<number, CameraObjects>;
  count: number;
}

const EMPTY: TrackedObjectsSnapshot = { byCamera: new Map(), count: 0 };

function snapshotOf(byCamera: Map<number, CameraObjects>): TrackedObjectsSnapshot {
  let count = 0;
  for (const entry of byCamera.values()) count += entry.objects.length;
  return { byCamera, count };
}

export class TrackedObjectsStore extends ObservableStore<TrackedObjectsSnapshot> {
  private expiryTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly ttlMs = OBJECTS_TTL_MS) {
    super(EMPTY);
  }

  /** Takes each camera's newest message; one older than what is held (a late delivery) is ignored. */
  apply(messages: readonly TrackedObjectsMessage[], receivedAt = Date.now()): void {
    if (messages.length === 0) return;
    const byCamera = new Map(this.get().byCamera);
    let changed = false;
    for (const message of messages) {
      const atMs = Date.parse(message.at);
      const current = byCamera.get(message.cameraId);
      if (current && !(atMs >= current.atMs)) continue;
      byCamera.set(message.cameraId, { cameraId: message.cameraId, at: message.at, atMs, receivedAt, objects: message.objects });
      changed = true;
    }
    if (!changed) return;
    this.set(snapshotOf(byCamera));
    this.startExpiry();
  }

  /** Drops the cameras that sent nothing for longer than the TTL. */
  expire(now = Date.now()): void {
    const current = this.get().byCamera;
    const kept = new Map([...current].filter(([, entry]) => now - entry.receivedAt <= this.ttlMs));
    if (kept.size !== current.size) this.set(snapshotOf(kept));
    if (kept.size === 0) this.stopExpiry();
  }

  clear(): void {
    this.stopExpiry();
    this.set(EMPTY);
  }

  private startExpiry(): void {
    this.expiryTimer ??= setInterval(() => this.expire(), EXPIRY_CHECK_MS);
  }

  private stopExpiry(): void {
    if (this.expiryTimer !== null) clearInterval(this.expiryTimer);
    this.expiryTimer = null;
  }
}
