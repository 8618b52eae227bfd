// The worker's live-frame endpoint: streams the latest frames of a camera it runs to the server, on demand,
// at the rate asked (capped), skipping frames while the connection is backed up.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { encodeFrameRecord, type FrameRecord } from '@toc/server/realtime/frame-record';
import { encodeLiveFrame } from './live-frame-encoder';
import type { LiveFeeds } from './live-feeds';

export interface FrameServerOptions {
  host: string;
  port: number;
  /** URL the server should use to reach us; defaults to http://host:port. */
  advertiseHost?: string;
  maxFps: number;
  maxStreamsPerCamera: number;
}

const LIVE_PATH = /^\/cameras\/([1-9][0-9]{0,9})\/live$/;

export class FrameServer {
  private readonly token = randomBytes(24).toString('base64url');
  private readonly http: Server;
  private readonly streams = new Map<number, number>();
  /** One encoding per camera frame and width, shared by every stream that wants it. */
  private readonly encoded = new Map<string, Promise<FrameRecord>>();

  constructor(
    private readonly feeds: LiveFeeds,
    private readonly options: FrameServerOptions,
  ) {
    this.http = createServer((req, res) => this.handle(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(this.options.port, this.options.host, () => resolve());
    });
    const { port } = this.http.address() as AddressInfo;
    const url = `http://${this.options.advertiseHost ?? this.options.host}:${port}`;
    this.feeds.setSource(url, this.token);
    return url;
  }

  async close(): Promise<void> {
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private authorized(req: IncomingMessage): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${this.token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://worker');
    const match = LIVE_PATH.exec(url.pathname);
    if (req.method !== 'GET' || !match) return end(res, 404, 'not found');
    if (!this.authorized(req)) return end(res, 401, 'unauthorized');
    const cameraId = Number(match[1]);
    if (!this.feeds.isRunning(cameraId)) return end(res, 404, `camera ${cameraId} does not run on this worker`);
    const open = this.streams.get(cameraId) ?? 0;
    if (open >= this.options.maxStreamsPerCamera) return end(res, 429, 'too many live streams for this camera');
    const fps = clampNumber(Number(url.searchParams.get('fps') ?? 2), 0.2, this.options.maxFps);
    const width = Math.round(clampNumber(Number(url.searchParams.get('width') ?? 640), 160, 1920));
    this.streams.set(cameraId, open + 1);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
    this.stream(cameraId, fps, width, res);
  }

  private stream(cameraId: number, fps: number, width: number, res: ServerResponse): void {
    const intervalMs = 1000 / fps;
    let lastSentAt = 0;
    let lastFrameAt = 0;
    let busy = false;
    let timer: NodeJS.Timeout | null = null;

    const sendLatest = async () => {
      timer = null;
      const live = this.feeds.latestFrame(cameraId);
      if (!this.feeds.isRunning(cameraId)) return res.end();
      if (!live || live.at.getTime() === lastFrameAt || busy || res.writableNeedDrain) return;
      busy = true;
      lastFrameAt = live.at.getTime();
      lastSentAt = Date.now();
      try {
        const record = await this.encode(cameraId, live, width);
        if (!res.destroyed) res.write(encodeFrameRecord(record));
      } catch {
        // A frame that fails to encode is skipped; the next one is tried.
      } finally {
        busy = false;
      }
    };
    // Sends on a new frame, but no sooner than the interval after the last one sent.
    const onFrame = () => {
      if (timer !== null) return;
      timer = setTimeout(() => void sendLatest(), Math.max(0, lastSentAt + intervalMs - Date.now()));
    };
    const unsubscribe = this.feeds.onFrame(cameraId, onFrame);
    res.on('close', () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
      this.streams.set(cameraId, (this.streams.get(cameraId) ?? 1) - 1);
    });
    onFrame();
  }

  private encode(cameraId: number, live: NonNullable<ReturnType<LiveFeeds['latestFrame']>>, width: number): Promise<FrameRecord> {
    const key = `${cameraId}:${live.at.getTime()}:${width}`;
    let record = this.encoded.get(key);
    if (!record) {
      record = encodeLiveFrame(cameraId, live, width);
      this.encoded.set(key, record);
      // Keep only the current frame's encodings.
      const forget = () => void setTimeout(() => this.encoded.delete(key), 2_000).unref();
      record.then(forget, forget);
    }
    return record;
  }
}

function end(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}

function clampNumber(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
