// Owns the live picture for a signed-in session: loads events and cameras over REST, then keeps
// them current from the realtime client's batches (and reloads what the socket cannot replay).
import { EVENT_TYPES, type Event } from '@toc/server/schemas';
import { fetchCameras } from '../api/cameras.api';
import { fetchEvents, postEventAction, type EventActionName } from '../api/events.api';
import type { AppConfig } from '../config/app.config';
import { RealtimeClient, type RealtimeBatch } from '../realtime/socket-client';
import { BusesStore } from './buses.store';
import { CamerasStore } from './cameras.store';
import { EventsStore } from './events.store';
import { LoadStatusStore } from './load-status.store';
import { StopArrivalsStore } from './stop-arrivals.store';
import { TrackedObjectsStore } from './tracked-objects.store';

/** Routine series are not alarms: they come with the newest events only. */
const ALARM_TYPES = EVENT_TYPES.filter((type) => type !== 'traffic.vehicles' && type !== 'crowd.count');
const ACTIVE_ALARM_LIMIT = 500;

export class LiveDataService {
  readonly events: EventsStore;
  readonly cameras = new CamerasStore();
  readonly loadStatus = new LoadStatusStore();
  /** Filled only while someone asked for them with `realtime.watchObjects(true)`. */
  readonly trackedObjects = new TrackedObjectsStore();
  /** Filled only while someone asked for them with `realtime.watchBuses(true)`. */
  readonly buses = new BusesStore();
  /** The stops someone watches with `realtime.watchStops`. */
  readonly stopArrivals = new StopArrivalsStore();
  readonly realtime: RealtimeClient;
  private readonly unsubscribers: (() => void)[] = [];
  private abort: AbortController | null = null;
  private eventsLoaded = false;
  private cameraReload: Promise<void> | null = null;

  constructor(
    private readonly config: AppConfig,
    onRejected: () => void,
  ) {
    this.events = new EventsStore(config.maxEventsInMemory);
    this.realtime = new RealtimeClient({ flushMs: config.realtimeFlushMs, onRejected });
  }

  async start(): Promise<void> {
    this.abort?.abort();
    this.abort = new AbortController();
    // Each start has its own signal, so a stop/start pair (React StrictMode) cannot mix them up.
    const { signal } = this.abort;
    this.unsubscribers.push(
      this.realtime.onBatch((batch) => this.applyBatch(batch)),
      this.realtime.onState((state) => {
        if (state !== 'connected') return;
        // Camera status changes are not replayed, so every (re)connect re-reads the list.
        void this.reloadCameras(signal);
        if (!this.eventsLoaded) void this.loadEvents(signal);
      }),
      // Nor are they when the server's relay was away while this socket stayed connected.
      this.realtime.onResync(() => void this.reloadCameras(signal)),
    );
    void this.reloadCameras(signal);
    // Events first, so the socket resumes right after the newest seq the page contained.
    await this.loadEvents(signal);
    if (!signal.aborted) this.realtime.connect();
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.cameraReload = null;
    this.unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe());
    this.realtime.disconnect();
    this.trackedObjects.clear();
    this.buses.clear();
    this.stopArrivals.clear();
  }

  /** Runs an operator action and shows its result at once (the socket echo is then a no-op). */
  async act(eventId: number, action: EventActionName, note?: string): Promise<Event> {
    const event = await postEventAction(eventId, action, note);
    this.events.upsert([event]);
    return event;
  }

  private applyBatch(batch: RealtimeBatch): void {
    if (batch.events.length > 0) this.events.upsert(batch.events);
    if (batch.objects.length > 0) this.trackedObjects.apply(batch.objects);
    if (batch.buses) this.buses.apply(batch.buses);
    if (batch.stopArrivals.length > 0) this.stopArrivals.apply(batch.stopArrivals);
    if (batch.cameraStatuses.length > 0 && this.cameras.applyStatuses(batch.cameraStatuses).length > 0) {
      if (this.abort) void this.reloadCameras(this.abort.signal);
    }
  }

  private async loadEvents(signal: AbortSignal): Promise<void> {
    try {
      // The newest events, and every alarm still needing someone however old: an unacknowledged alarm must
      // never fall out of the feed because routine counts came after it.
      const [newest, active] = await Promise.all([
        fetchEvents({ limit: this.config.initialEventLimit }, signal),
        fetchEvents({ type: ALARM_TYPES, status: ['open', 'acknowledged'], limit: ACTIVE_ALARM_LIMIT }, signal),
      ]);
      if (signal.aborted) return;
      const items = [...newest.items, ...active.items];
      this.events.upsert(items);
      for (const event of items) this.realtime.noteSeq(event.seq);
      this.eventsLoaded = true;
      this.loadStatus.update('events', 'ready');
    } catch (error) {
      if (!signal.aborted) {
        console.warn('events: initial load failed', error);
        this.loadStatus.update('events', 'failed');
      }
    }
  }

  /** One camera request at a time; callers during a reload share it. */
  private reloadCameras(signal: AbortSignal): Promise<void> {
    if (this.cameraReload) return this.cameraReload;
    const reload: Promise<void> = fetchCameras(signal)
      .then((cameras) => {
        if (signal.aborted) return;
        this.cameras.setAll(cameras);
        this.loadStatus.update('cameras', 'ready');
      })
      .catch((error: unknown) => {
        if (signal.aborted) return;
        console.warn('cameras: load failed', error);
        if (this.loadStatus.get().cameras !== 'ready') this.loadStatus.update('cameras', 'failed');
      })
      .finally(() => {
        if (this.cameraReload === reload) this.cameraReload = null;
      });
    this.cameraReload = reload;
    return reload;
  }
}
