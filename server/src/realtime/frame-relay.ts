// Live frames worker → browsers: one HTTP stream per watched camera from the worker that runs it, fanned out
// to the sockets watching it, each at its own rate; a socket still busy with the last frame skips the next.
import type { Redis } from 'ioredis';
import { Compile } from 'typebox/compile';
import { FrameSource, frameSourceKey, type FramesWatchRequest } from '../schemas';
import { FrameRecordDecoder, type FrameRecord } from './frame-record';
import type { TocSocket } from './socket-handlers';

const checkSource = Compile(FrameSource);
const DEFAULT_FPS = 2;
const DEFAULT_WIDTH = 640;
const RETRY_MS = 2_000;

interface Watch {
  socket: TocSocket;
  intervalMs: number;
  fps: number;
  width: number;
  lastSentAt: number;
}

export interface FrameRelayContext {
  redis: Redis;
  queuePrefix: string;
  log: (message: string, detail: Record<string, unknown>) => void;
}

/** One camera: keeps an upstream stream open while anyone watches, reconnecting to wherever the camera runs. */
class CameraRelay {
  readonly watches = new Map<string, Watch>();
  private abort: AbortController | null = null;
  private upstreamFps = 0;
  private running = false;
  private closed = false;

  constructor(
    private readonly cameraId: number,
    private readonly ctx: FrameRelayContext,
  ) {}

  /** Starts the upstream, or restarts it when a watcher wants more frames than it carries. */
  ensure(): void {
    const fps = Math.max(...[...this.watches.values()].map((w) => w.fps));
    if (this.running && fps <= this.upstreamFps) return;
    this.abort?.abort();
    if (!this.running) void this.loop();
  }

  close(): void {
    this.closed = true;
    this.abort?.abort();
  }

  private async loop(): Promise<void> {
    this.running = true;
    while (!this.closed && this.watches.size > 0) {
      try {
        await this.streamOnce();
      } catch (error) {
        if (!this.abort?.signal.aborted) this.ctx.log('live frames upstream failed', { cameraId: this.cameraId, error: (error as Error).message });
      }
      if (this.closed || this.watches.size === 0) break;
      if (!this.abort?.signal.aborted) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    this.running = false;
  }

  private async streamOnce(): Promise<void> {
    const raw = await this.ctx.redis.get(frameSourceKey(this.ctx.queuePrefix, this.cameraId));
    const source: unknown = raw ? JSON.parse(raw) : null;
    if (!checkSource.Check(source)) return; // Not running anywhere yet: try again shortly.
    const watches = [...this.watches.values()];
    this.upstreamFps = Math.max(...watches.map((w) => w.fps));
    const width = Math.max(...watches.map((w) => w.width));
    this.abort = new AbortController();
    const url = new URL(`/cameras/${this.cameraId}/live`, source.url);
    url.searchParams.set('fps', String(this.upstreamFps));
    url.searchParams.set('width', String(width));
    const response = await fetch(url, { headers: { authorization: `Bearer ${source.token}` }, signal: this.abort.signal });
    if (!response.ok || !response.body) throw new Error(`worker answered ${response.status}`);
    const decoder = new FrameRecordDecoder();
    for await (const chunk of response.body) {
      for (const record of decoder.push(Buffer.from(chunk))) this.fanOut(record);
      if (this.watches.size === 0) break;
    }
  }

  private fanOut(record: FrameRecord): void {
    const now = Date.now();
    for (const watch of this.watches.values()) {
      if (now - watch.lastSentAt < watch.intervalMs * 0.9) continue;
      watch.lastSentAt = now;
      // Volatile: while the connection is still writing the previous message the frame is dropped, not queued,
      // so a slow client gets fewer frames instead of a growing backlog.
      watch.socket.volatile.emit('camera.frame', record.meta, record.jpeg as unknown as ArrayBuffer);
    }
  }
}

export class FrameRelays {
  private readonly relays = new Map<number, CameraRelay>();
  private readonly watching = new Map<string, Set<number>>();

  constructor(private readonly ctx: FrameRelayContext) {}

  /** Replaces what this socket watches; an empty list stops its frames. */
  watch(socket: TocSocket, request: FramesWatchRequest): void {
    const fps = request.maxFps ?? DEFAULT_FPS;
    const width = request.maxWidth ?? DEFAULT_WIDTH;
    const wanted = new Set(request.cameraIds);
    for (const cameraId of this.watching.get(socket.id) ?? []) if (!wanted.has(cameraId)) this.drop(socket.id, cameraId);
    for (const cameraId of wanted) {
      let relay = this.relays.get(cameraId);
      if (!relay) this.relays.set(cameraId, (relay = new CameraRelay(cameraId, this.ctx)));
      const previous = relay.watches.get(socket.id);
      relay.watches.set(socket.id, { socket, fps, width, intervalMs: 1000 / fps, lastSentAt: previous?.lastSentAt ?? 0 });
      relay.ensure();
    }
    if (wanted.size > 0) this.watching.set(socket.id, wanted);
    else this.watching.delete(socket.id);
  }

  /** Cameras this socket watches now: a watch request adding others starts new views (audited by the caller). */
  watchedBy(socketId: string): ReadonlySet<number> {
    return this.watching.get(socketId) ?? new Set();
  }

  unwatch(socketId: string): void {
    for (const cameraId of this.watching.get(socketId) ?? []) this.drop(socketId, cameraId);
    this.watching.delete(socketId);
  }

  /** Cameras with an open upstream (for tests and metrics). */
  get activeCameras(): number[] {
    return [...this.relays.keys()];
  }

  close(): void {
    for (const relay of this.relays.values()) relay.close();
    this.relays.clear();
    this.watching.clear();
  }

  private drop(socketId: string, cameraId: number): void {
    const relay = this.relays.get(cameraId);
    if (!relay) return;
    relay.watches.delete(socketId);
    if (relay.watches.size === 0) {
      relay.close();
      this.relays.delete(cameraId);
    }
  }
}
