// The one typed socket.io client: tracks the last event seq, resumes from it, and hands bursts to
// subscribers as latest-wins batches at a bounded rate so the map is not redrawn per message.
import { io, type Socket } from 'socket.io-client';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@toc/server/schemas';
import type {
  CameraStatusMessage,
  ClientToServerEvents,
  CrashesChangedMessage,
  Event,
  FootageRequestChange,
  ResyncMessage,
  ServerToClientEvents,
  SocketAuth,
  StopArrivalsMessage,
  StopsWatchRequest,
  TrackedObjectsMessage,
} from '@toc/server/schemas';
import { BusDeltaMerger, type MergedBusDelta } from './bus-delta-merger';
import { LatestWinsBuffer } from './burst-buffer';
import { FrameSubscriptions, type FrameListener, type FrameWish } from './frame-subscriptions';
import type { ConnectionState } from './connection-state';

type TocSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface RealtimeBatch {
  /** One entry per event id: the highest seq received since the last flush. */
  events: Event[];
  /** One entry per camera id: the latest status received since the last flush. */
  cameraStatuses: CameraStatusMessage[];
  /** One entry per camera id: the latest set of tracked objects (only while objects are watched). */
  objects: TrackedObjectsMessage[];
  /** Every `buses.delta` since the last flush merged into one (only while buses are watched). */
  buses: MergedBusDelta | null;
  /** One entry per watched stop: its newest arrivals. */
  stopArrivals: StopArrivalsMessage[];
}

export interface RealtimeClientOptions {
  /** Minimum time between two flushes to subscribers. */
  flushMs: number;
  /** Called when the server refuses or drops the connection (the session may have ended). */
  onRejected?: () => void;
}

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

function socketPath(): string {
  // Same origin, resolved against the page so a path prefix in front of the app still works.
  return new URL('socket.io', document.baseURI).pathname;
}

export class RealtimeClient {
  private socket: TocSocket | null = null;
  private lastSeq: number | undefined;
  private state: ConnectionState = 'disconnected';
  private readonly events = new LatestWinsBuffer<number, Event>(
    (event) => event.id,
    (next, current) => next.seq >= current.seq,
  );
  private readonly cameraStatuses = new LatestWinsBuffer<number, CameraStatusMessage>(
    (status) => status.cameraId,
    (next, current) => Date.parse(next.at) >= Date.parse(current.at),
  );
  private readonly objects = new LatestWinsBuffer<number, TrackedObjectsMessage>(
    (message) => message.cameraId,
    (next, current) => Date.parse(next.at) >= Date.parse(current.at),
  );
  private readonly busDeltas = new BusDeltaMerger();
  private readonly stopArrivals = new LatestWinsBuffer<string, StopArrivalsMessage>(
    (message) => `${message.feedId}:${message.stopId}`,
    (next, current) => Date.parse(next.at) >= Date.parse(current.at),
  );
  private busesWanted = false;
  private stopsWanted: StopsWatchRequest['stops'] = [];
  private readonly frames = new FrameSubscriptions();
  private frameRequestQueued = false;
  private objectsWanted = false;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelayMs = RETRY_MIN_MS;
  private readonly batchListeners = new Set<(batch: RealtimeBatch) => void>();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly requestListeners = new Set<(change: FootageRequestChange) => void>();
  private readonly crashListeners = new Set<(message: CrashesChangedMessage) => void>();
  private readonly resyncListeners = new Set<(message: ResyncMessage) => void>();

  constructor(private readonly options: RealtimeClientOptions) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  get lastSeenSeq(): number | undefined {
    return this.lastSeq;
  }

  /** Records a seq seen outside the socket (the REST page) so a (re)connect resumes after it. */
  noteSeq(seq: number): void {
    if (this.lastSeq === undefined || seq > this.lastSeq) this.lastSeq = seq;
  }

  onBatch(listener: (batch: RealtimeBatch) => void): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  /**
   * Live JPEG frames of one camera for as long as the returned function is not called. Frames flow only while
   * someone is subscribed and the tab is visible; the server bounds their rate and size.
   */
  watchFrames(cameraId: number, wish: FrameWish, listener: FrameListener): () => void {
    const remove = this.frames.add(cameraId, wish, listener);
    this.queueFrameRequest();
    return () => {
      remove();
      this.queueFrameRequest();
    };
  }

  /** Turns the feed of live tracked objects on or off (it arrives in the batches as `objects`). */
  watchObjects(enabled: boolean): void {
    this.objectsWanted = enabled;
    if (this.socket?.connected) this.socket.emit('objects.watch', { enabled }, () => undefined);
  }

  /** Turns the live bus feed on or off; on (re)connect the server first sends every bus, then changes. */
  watchBuses(enabled: boolean): void {
    if (enabled === this.busesWanted) return;
    this.busesWanted = enabled;
    if (!this.socket?.connected) return;
    if (enabled) this.busDeltas.expectSnapshot();
    else this.busDeltas.clear();
    this.socket.emit('buses.watch', { enabled }, () => undefined);
  }

  /** The stops whose arrivals this client wants (each call replaces the last; [] stops them). */
  watchStops(stops: StopsWatchRequest['stops']): void {
    this.stopsWanted = stops;
    if (this.socket?.connected) this.socket.emit('stops.watch', { stops }, () => undefined);
  }

  /**
   * Footage-request changes (a step, or export progress) as they come: few, and each one is read again over REST by
   * the page that shows it. The server sends them to staff and to the police of the request's station only.
   */
  onFootageRequest(listener: (change: FootageRequestChange) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  /** The live crash layer may have changed (the server sends it only to the roles that may read the layer). */
  onCrashesChanged(listener: (message: CrashesChangedMessage) => void): () => void {
    this.crashListeners.add(listener);
    return () => this.crashListeners.delete(listener);
  }

  /**
   * The server's relay came back after a gap without this socket dropping: messages other than events sent during
   * the gap are gone, so what holds camera status, requests or the crash layer reads it again (as after a reconnect).
   */
  onResync(listener: (message: ResyncMessage) => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  onState(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  connect(): void {
    if (this.socket) return;
    const socket: TocSocket = io({
      path: socketPath(),
      withCredentials: true,
      // The session cookie counts only from our own page: a WebSocket handshake proves it with its Origin, a polling
      // one (a same-origin GET, sent without Origin) with this header, which another site's page cannot send.
      extraHeaders: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
      // A function, so every reconnect attempt sends the highest seq seen so far.
      auth: (cb) => cb(this.auth()),
      reconnectionDelay: RETRY_MIN_MS,
      reconnectionDelayMax: RETRY_MAX_MS,
    });
    this.socket = socket;
    this.setState('connecting');

    socket.on('connect', () => {
      this.retryDelayMs = RETRY_MIN_MS;
      this.setState('connected');
      // A new connection has no watches on the server side: send them again.
      this.queueFrameRequest();
      if (this.objectsWanted) socket.emit('objects.watch', { enabled: true }, () => undefined);
      if (this.busesWanted) {
        this.busDeltas.expectSnapshot();
        socket.emit('buses.watch', { enabled: true }, () => undefined);
      }
      if (this.stopsWanted.length > 0) socket.emit('stops.watch', { stops: this.stopsWanted }, () => undefined);
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return this.setState('disconnected');
      if (socket.active) return this.setState('reconnecting');
      // The server closed the session on purpose: socket.io will not retry by itself.
      this.setState('disconnected');
      this.options.onRejected?.();
      this.scheduleRetry();
    });
    socket.on('connect_error', () => {
      if (socket.active) return this.setState('reconnecting');
      // Refused by the server's middleware (e.g. no valid session).
      this.setState('disconnected');
      this.options.onRejected?.();
      this.scheduleRetry();
    });
    socket.io.on('reconnect_attempt', () => this.setState('reconnecting'));

    socket.on('event', (event) => {
      this.noteSeq(event.seq);
      this.events.put(event);
      this.scheduleFlush();
    });
    socket.on('camera.status', (status) => {
      this.cameraStatuses.put(status);
      this.scheduleFlush();
    });
    socket.on('objects', (message) => {
      this.objects.put(message);
      this.scheduleFlush();
    });
    socket.on('buses.delta', (delta) => {
      if (!this.busesWanted) return;
      this.busDeltas.put(delta);
      this.scheduleFlush();
    });
    socket.on('stop.arrivals', (message) => {
      this.stopArrivals.put(message);
      this.scheduleFlush();
    });
    socket.on('footage.request', (change) => {
      this.requestListeners.forEach((listener) => listener(change));
    });
    socket.on('crashes.changed', (message) => {
      this.crashListeners.forEach((listener) => listener(message));
    });
    socket.on('realtime.resync', (message) => {
      this.resyncListeners.forEach((listener) => listener(message));
    });
    socket.on('camera.frame', (meta, jpeg) => {
      this.frames.deliver(meta, new Blob([jpeg], { type: 'image/jpeg' }));
    });
    document.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** A hidden tab stops its video: nobody sees it, and the wall's bandwidth is better spent elsewhere. */
  private readonly onVisibilityChange = () => this.queueFrameRequest();

  /** Sends one merged `frames.watch` per task, however many tiles changed in it. */
  private queueFrameRequest(): void {
    if (this.frameRequestQueued) return;
    this.frameRequestQueued = true;
    queueMicrotask(() => {
      this.frameRequestQueued = false;
      if (!this.socket?.connected) return;
      const request = document.hidden ? { cameraIds: [] } : this.frames.request();
      this.socket.emit('frames.watch', request, () => undefined);
    });
  }

  disconnect(): void {
    this.clearTimers();
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.socket?.removeAllListeners();
    this.socket?.io.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.events.drain();
    this.cameraStatuses.drain();
    this.objects.drain();
    this.busDeltas.clear();
    this.stopArrivals.drain();
    this.setState('disconnected');
  }

  private auth(): SocketAuth {
    return this.lastSeq === undefined ? {} : { lastSeq: this.lastSeq };
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.stateListeners.forEach((listener) => listener(state));
  }

  /**
   * The first update after a quiet period goes out at once; during a burst, at most one flush per
   * `flushMs`, carrying only the latest value per event id and per camera id.
   */
  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    const wait = Math.max(0, this.lastFlushAt + this.options.flushMs - performance.now());
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flush();
    }, wait);
  }

  private flush(): void {
    this.lastFlushAt = performance.now();
    const batch: RealtimeBatch = {
      events: this.events.drain(),
      cameraStatuses: this.cameraStatuses.drain(),
      objects: this.objects.drain(),
      buses: this.busDeltas.drain(),
      stopArrivals: this.stopArrivals.drain(),
    };
    const empty =
      batch.events.length === 0 &&
      batch.cameraStatuses.length === 0 &&
      batch.objects.length === 0 &&
      batch.buses === null &&
      batch.stopArrivals.length === 0;
    if (empty) return;
    this.batchListeners.forEach((listener) => listener(batch));
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.socket || this.socket.connected) return;
      this.setState('reconnecting');
      this.socket.connect();
    }, delay);
  }

  private clearTimers(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.flushTimer = null;
    this.retryTimer = null;
  }
}
