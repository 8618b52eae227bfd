// What a camera's analysed frames produce: health, best views for snapshots, live frames and objects, and — in order,
// through the write journal, held while the database is away — alarms, crowd and line series, vehicle counts per
// interval. One for CameraRunner (frames from ffmpeg) and for tools that feed frames from elsewhere (bench:scale).
import type pg from 'pg';
import type { Detection } from '@toc/models';
import type { NewEvent } from '@toc/server/schemas';
import type { StreamCamera } from '@toc/server/services/camera-streams.service';
import type { EventStore } from '@toc/server/services/event-store.service';
import { storeEndpoints, storeOutage } from '@toc/server/lib/store-outage';
import type { WorkerConfig } from '../config';
import type { LiveFeeds } from '../live/live-feeds';
import { BestViews } from '../outputs/best-views';
import { IncidentWriter } from '../outputs/incident-writer';
import type { NotifierContext } from '../outputs/notifier';
import { writeSeries } from '../outputs/series-writer';
import { WriteJournal } from '../outputs/write-journal';
import type { AnalysisPace } from '../pipeline/analysis-pace';
import type { PipelineStep } from '../pipeline/camera-pipeline';
import type { FrameLayout } from '../pipeline/frame-layout';
import { addFrame, newVehicleCount, summarize, type VehicleCountState } from '../rules/vehicle-count';
import type { BehindCameras } from './behind-cameras';
import { HealthMeter } from './health-meter';

export interface CameraOutputsContext {
  config: WorkerConfig;
  db: pg.Pool;
  events: EventStore;
  notifier: NotifierContext;
  /** Live frames and tracked objects for the control room; absent in tools that run cameras headless. */
  live?: LiveFeeds;
  /** The worker's alarm for its cameras behind on their frames; absent in tools that run cameras headless. */
  behindCameras?: BehindCameras;
  log: NotifierContext['log'];
}

/** One frame through the pipeline: its picture, what the detector found (null: the motion gate skipped it), the step. */
export interface AnalysedFrame {
  t: number;
  frame: Uint8Array;
  layout: FrameLayout;
  detections: Detection[] | null;
  inferenceMs: number | null;
  step: PipelineStep;
}

export class CameraOutputs {
  readonly health: HealthMeter;
  /** The frame loop's database writes: in order, held while the database is away so the analysis goes on. */
  private readonly writes: WriteJournal;
  private readonly incidents: IncidentWriter;
  private readonly bestViews = new BestViews();
  private count: VehicleCountState | null = null;
  /** Time of the newest frame the rules have seen: open alarms end there when the stream does. */
  private lastResultAt = Date.now();
  /** Whether the last frame found the camera behind (analysis-pace.ts). */
  private behind = false;

  constructor(
    private readonly camera: StreamCamera,
    private readonly ctx: CameraOutputsContext,
  ) {
    this.incidents = new IncidentWriter(
      {
        db: ctx.db,
        events: ctx.events,
        snapshotDir: ctx.config.snapshotDir,
        notifier: ctx.notifier,
        log: ctx.log,
      },
      camera,
    );
    const stores = storeEndpoints(ctx.config.databaseUrl, ctx.config.redisUrl);
    this.writes = new WriteJournal({
      isOutage: (error) => storeOutage(error, stores) === 'database',
      maxHeld: ctx.config.heldWritesMax,
      retryMinMs: 500,
      retryMaxMs: 5_000,
      log: ctx.log,
      detail: { cameraId: camera.id },
    });
    this.health = new HealthMeter(ctx.config.workerId);
  }

  /** Alarms a previous run of this camera left open (a worker that died) are closed before new ones open. */
  async closeLeftovers(): Promise<void> {
    await this.incidents
      .closeLeftovers()
      .catch((error: Error) =>
        this.ctx.log('warn', 'leftover alarms not closed', {
          cameraId: this.camera.id,
          error: error.message,
        }),
      );
  }

  /** What the frame tells without writing: health, best views, the running vehicle count, the live feed. */
  observe(analysed: AnalysedFrame): void {
    const { t, frame, layout, detections, inferenceMs, step } = analysed;
    this.lastResultAt = t;
    if (detections && inferenceMs !== null) {
      this.bestViews.update(step.tracks, frame, layout, t);
      this.health.detected(inferenceMs);
      this.count = addFrame(this.count ?? newVehicleCount(new Date(t)), detections);
    } else {
      this.health.gated();
    }
    this.health.tracks(step.tracks.filter((track) => track.state === 'confirmed').length);
    if (step.pace) this.notePace(step.pace, step.rules.roadSignalsHeld);
    this.ctx.live?.frame(this.camera.id, frame, layout, step.tracks, new Date(t));
  }

  /** The pace into the health figures, and a log line when the camera falls behind or catches up. */
  private notePace(pace: AnalysisPace, roadSignalsHeld: number): void {
    if (pace.behind !== this.behind) {
      this.behind = pace.behind;
      this.ctx.log(pace.behind ? 'warn' : 'info', pace.behind ? 'camera analysis behind' : 'camera analysis caught up', {
        cameraId: this.camera.id,
        analysedFps: pace.analysedFps,
        expectedFps: pace.expectedFps,
      });
      this.ctx.behindCameras?.note(this.camera, pace.behind);
    }
    this.health.pace(pace, roadSignalsHeld);
  }

  /** The frame's alarms and series, and the vehicle count once its interval is over. */
  async write(analysed: AnalysedFrame): Promise<void> {
    const { t, frame, layout, step } = analysed;
    const shot = {
      frame,
      layout,
      tracks: step.tracks,
      bestView: (trackId: number) => this.bestViews.get(trackId),
    };
    for (const action of step.rules.incidentActions) {
      await this.writes.write(`incident ${action.action}`, () => this.incidents.applyAction(action, shot));
    }
    const { crowdSamples, lineCounts } = step.rules;
    if (crowdSamples.length || lineCounts.length) {
      await this.writes.write('series write', () =>
        writeSeries(this.ctx.db, this.camera.id, crowdSamples, lineCounts),
      );
    }
    if (this.count && t - this.count.startedAt.getTime() >= this.ctx.config.vehicleIntervalS * 1000)
      await this.flushCount(new Date(t));
  }

  /**
   * The stream ended: the vehicle count so far is written, and the open alarms end at the last frame seen (tracks and
   * rule state do not survive the stream; a repeat folds back in). Behind any writes still held, so an alarm is not
   * ended before it is written.
   */
  async streamEnded(): Promise<void> {
    // The next stream starts a new pipeline, keeping pace until it shows otherwise.
    if (this.behind) {
      this.behind = false;
      this.ctx.behindCameras?.note(this.camera, false);
    }
    await this.flushCount(new Date());
    const endedAt = this.lastResultAt;
    await this.writes.write('incidents end', () => this.incidents.endAll(endedAt));
  }

  /**
   * The camera is being handed back (its worker stopping): the writes it holds through a database outage are written
   * first, waiting up to HELD_WRITES_STOP_WAIT_S; what is still held then is lost with the process, and said so.
   */
  async handBack(): Promise<void> {
    if (await this.writes.flushedWithin(this.ctx.config.heldWritesStopWaitS * 1000)) return;
    this.ctx.log('error', 'camera handed back with writes still held: they are lost', {
      cameraId: this.camera.id,
      held: this.writes.state().held,
    });
  }

  private async flushCount(endedAt: Date): Promise<void> {
    const count = this.count;
    this.count = null;
    if (!count || count.frames === 0) return;
    const summary = summarize(count, endedAt);
    const event: NewEvent = {
      type: 'traffic.vehicles',
      severity: 'info',
      location: this.camera.location,
      cameraId: this.camera.id,
      startedAt: count.startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      confidence: summary.confidence,
      modelId: this.camera.modelId,
      payload: {
        counts: summary.counts,
        total: summary.total,
        maxInFrame: summary.maxInFrame,
        frames: summary.frames,
        intervalS: summary.intervalS,
      },
    };
    await this.writes.write('vehicle count write', async () => void (await this.ctx.events.record(event)));
  }
}
