// Who wants live frames from which camera: merges the tiles' wishes into one `frames.watch` request.
import type { FramesWatchRequest, LiveFrameMeta } from '@toc/server/schemas';

export interface FrameWish {
  /** Frames per second this viewer needs (the request takes the highest wish per camera). */
  maxFps: number;
  /** Widest picture this viewer draws, in CSS pixels × device pixel ratio. */
  maxWidth: number;
}

export type FrameListener = (meta: LiveFrameMeta, jpeg: Blob) => void;

interface Subscription {
  cameraId: number;
  wish: FrameWish;
  listener: FrameListener;
}

const MAX_CAMERAS = 16;

export class FrameSubscriptions {
  private readonly subscriptions = new Set<Subscription>();

  add(cameraId: number, wish: FrameWish, listener: FrameListener): () => void {
    const subscription = { cameraId, wish, listener };
    this.subscriptions.add(subscription);
    return () => this.subscriptions.delete(subscription);
  }

  deliver(meta: LiveFrameMeta, jpeg: Blob): void {
    for (const subscription of this.subscriptions) {
      if (subscription.cameraId === meta.cameraId) subscription.listener(meta, jpeg);
    }
  }

  /** The one request covering every subscriber: the cameras (at most 16) and the largest fps and width asked. */
  request(): FramesWatchRequest {
    const cameraIds = [...new Set([...this.subscriptions].map((s) => s.cameraId))].slice(0, MAX_CAMERAS);
    if (cameraIds.length === 0) return { cameraIds: [] };
    const wishes = [...this.subscriptions].map((s) => s.wish);
    return {
      cameraIds,
      maxFps: clamp(Math.max(...wishes.map((w) => w.maxFps)), 0.2, 5),
      maxWidth: Math.round(clamp(Math.max(...wishes.map((w) => w.maxWidth)), 160, 1280)),
    };
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
