// Live outputs of the cameras this worker runs: the latest frame per camera for the frame server, the
// advertisement of that server in Redis, and tracked objects published about once a second.
import type { Redis } from 'ioredis';
import { frameSourceKey, type FrameSource } from '@toc/server/schemas';
import { channelNames } from '@toc/server/realtime/channel-names';
import type { FrameLayout } from '../pipeline/frame-layout';
import type { Track } from '../pipeline/types';
import { trackedObjects } from './live-view';

/** The latest frame as the pipeline left it; boxes are drawn from its tracks only when someone watches. */
export interface LiveFrame {
  frame: Uint8Array;
  layout: FrameLayout;
  /** The tracker's snapshot for this frame (copies, not the tracker's own state). */
  tracks: readonly Track[];
  at: Date;
}

export interface LiveFeedsContext {
  redis: Redis;
  queuePrefix: string;
  workerId: string;
  objectsIntervalMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

/** The advertisement outlives a missed refresh or two, and disappears soon after a worker dies. */
const SOURCE_TTL_S = 30;
const SOURCE_REFRESH_MS = 10_000;

export class LiveFeeds {
  private readonly latest = new Map<number, LiveFrame>();
  private readonly running = new Set<number>();
  private readonly lastObjects = new Map<number, { at: number; count: number }>();
  private readonly listeners = new Map<number, Set<() => void>>();
  private source: FrameSource | null = null;
  private readonly refresher: NodeJS.Timeout;
  private readonly objectsChannel: string;

  constructor(private readonly ctx: LiveFeedsContext) {
    this.objectsChannel = channelNames(ctx.queuePrefix).objects;
    this.refresher = setInterval(() => void this.advertiseAll(), SOURCE_REFRESH_MS);
    this.refresher.unref();
  }

  /** Where the frame server listens; cameras are advertised from then on. */
  setSource(url: string, token: string): void {
    this.source = { url, token, workerId: this.ctx.workerId };
    void this.advertiseAll();
  }

  cameraStarted(cameraId: number): void {
    this.running.add(cameraId);
    void this.advertise(cameraId);
  }

  async cameraStopped(cameraId: number): Promise<void> {
    this.running.delete(cameraId);
    this.latest.delete(cameraId);
    this.lastObjects.delete(cameraId);
    this.notify(cameraId);
    // Only our own advertisement is removed: the camera may already run on another worker.
    const key = frameSourceKey(this.ctx.queuePrefix, cameraId);
    const current = await this.ctx.redis.get(key).catch(() => null);
    if (current && this.source && JSON.parse(current).token === this.source.token) await this.ctx.redis.del(key).catch(() => 0);
  }

  isRunning(cameraId: number): boolean {
    return this.running.has(cameraId);
  }

  /** Called for every processed frame: keeps references only; encoding happens when someone watches. */
  frame(cameraId: number, frame: Uint8Array, layout: FrameLayout, tracks: readonly Track[], at: Date): void {
    if (!this.running.has(cameraId)) return;
    this.latest.set(cameraId, { frame, layout, tracks, at });
    this.notify(cameraId);
    this.publishObjects(cameraId, tracks, at);
  }

  latestFrame(cameraId: number): LiveFrame | undefined {
    return this.latest.get(cameraId);
  }

  /** Calls `listener` after each new frame (or when the camera stops) until the returned function is called. */
  onFrame(cameraId: number, listener: () => void): () => void {
    let set = this.listeners.get(cameraId);
    if (!set) this.listeners.set(cameraId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.refresher);
    await Promise.all([...this.running].map((id) => this.cameraStopped(id)));
  }

  private notify(cameraId: number): void {
    this.listeners.get(cameraId)?.forEach((listener) => listener());
  }

  private publishObjects(cameraId: number, tracks: readonly Track[], at: Date): void {
    const last = this.lastObjects.get(cameraId);
    if (last && at.getTime() - last.at < this.ctx.objectsIntervalMs) return;
    const message = trackedObjects(cameraId, tracks, at);
    // An uncalibrated camera has no ground positions: stay quiet, but send one empty set to clear the map.
    if (message.objects.length === 0 && (last?.count ?? 0) === 0) return;
    this.lastObjects.set(cameraId, { at: at.getTime(), count: message.objects.length });
    this.ctx.redis.publish(this.objectsChannel, JSON.stringify(message)).catch((error: Error) => {
      this.ctx.log('warn', 'objects publish failed', { cameraId, error: error.message });
    });
  }

  private async advertiseAll(): Promise<void> {
    await Promise.all([...this.running].map((id) => this.advertise(id)));
  }

  private async advertise(cameraId: number): Promise<void> {
    if (!this.source || !this.running.has(cameraId)) return;
    await this.ctx.redis
      .set(frameSourceKey(this.ctx.queuePrefix, cameraId), JSON.stringify(this.source), 'EX', SOURCE_TTL_S)
      .catch((error: Error) => this.ctx.log('warn', 'frame source advertisement failed', { cameraId, error: error.message }));
  }
}
