// What a camera's analysed frames produce: health, best views for snapshots, live frames and objects, and — in order,
// through the write journal, held while the database is away (and spilled to disk for the camera's next owner) —
// alarms, crowd and line series, vehicle counts per interval. One for CameraRunner (frames from ffmpeg) and for tools
// that feed frames from elsewhere (bench:scale).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Detection } from '@toc/models';
import type { NewEvent } from '@toc/server/schemas';
import type { StreamCamera } from '@toc/server/services/camera-streams.service';
import type { EventStore } from '@toc/server/services/event-store.service';
import { storeEndpoints } from '@toc/server/lib/store-outage';
import type { WorkerConfig } from '../config';
import type { LiveFeeds } from '../live/live-feeds';
import { BestViews } from '../outputs/best-views';
import type { FrameForSnapshot } from '../outputs/event-snapshots';
import {
  applyHeldWrite,
  describeHeldWrite,
  drawsSnapshot,
  isDatabaseOutage,
  type HeldWrite,
} from '../outputs/held-write';
import { IncidentWriter } from '../outputs/incident-writer';
import type { NotifierContext } from '../outputs/notifier';
import { WriteJournal } from '../outputs/write-journal';
import { WriteSpill, type SpilledWrite } from '../outputs/write-spill';
import type { AnalysisPace } from '../pipeline/analysis-pace';
import type { PipelineStep } from '../pipeline/camera-pipeline';
import type { FrameLayout } from '../pipeline/frame-layout';
import type { IncidentAction } from '../rules/incident-book';
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
  private readonly writes: WriteJournal<HeldWrite>;
  /** The held writes on disk, write-ahead: what this run still holds when it is killed or handed back survives it. */
  private readonly spill: WriteSpill;
  /** This run's name on its incident writes (their rule keys mean something within this run only). */
  private readonly writerId = randomUUID();
  /** Incident writers by run: this run's, and a fresh one per previous owner whose held writes are replayed. */
  private readonly incidentWriters = new Map<string, IncidentWriter>();
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
    const stores = storeEndpoints(ctx.config.databaseUrl, ctx.config.redisUrl);
    this.spill = new WriteSpill({
      root: ctx.config.heldWritesDir,
      cameraId: camera.id,
      compactAfter: ctx.config.heldWritesMax,
      log: ctx.log,
    });
    const target = {
      db: ctx.db,
      events: ctx.events,
      cameraId: camera.id,
      incidents: (writer: string) => this.incidentWriter(writer),
    };
    this.writes = new WriteJournal<HeldWrite>({
      apply: (write) => applyHeldWrite(write, target),
      describe: describeHeldWrite,
      spill: this.spill,
      isOutage: (error) => isDatabaseOutage(error, stores),
      maxHeld: ctx.config.heldWritesMax,
      // A write waiting on a saturated pool is on disk after a second: a worker killed at the end of its shutdown
      // grace, its cameras' last writes still waiting for connections, loses none of them.
      spillSlowAfterMs: 1_000,
      retryMinMs: 500,
      retryMaxMs: 5_000,
      log: ctx.log,
      detail: { cameraId: camera.id },
    });
    this.health = new HealthMeter(ctx.config.workerId);
  }

  /**
   * Before the first frame: the writes a previous owner of the camera held and left in its spill (a worker killed or
   * stopped during an outage) are replayed, in order, through this camera's journal (still held if the database is
   * still away); then the alarms a previous run left open are closed, behind them, before new ones open.
   */
  async takeOver(): Promise<void> {
    const left = await this.spill.recover();
    if (left.length > 0) await this.replay(left);
    await this.writes.write({ kind: 'leftovers-close', writer: this.writerId });
  }

  private async replay(left: SpilledWrite[]): Promise<void> {
    this.ctx.log('info', 'replaying the writes a previous owner of the camera held', {
      cameraId: this.camera.id,
      writes: left.length,
      heldFrom: new Date(left[0]!.at).toISOString(),
    });
    this.writes.resume(left);
    // Its alarms still open end where its writes stop: the last moment it is known to have been watching. A repeat
    // folds back into the same alarm (its fold key) when this run sees the condition again.
    const lastAt = left[left.length - 1]!.at;
    const writers = new Set(left.flatMap(({ write }) => (write.kind === 'incident' ? [write.writer] : [])));
    for (const writer of writers) await this.writes.write({ kind: 'incidents-end', writer, at: lastAt });
  }

  private incidentWriter(writer: string): IncidentWriter {
    let incidents = this.incidentWriters.get(writer);
    if (!incidents) {
      const { ctx } = this;
      incidents = new IncidentWriter(
        {
          db: ctx.db,
          events: ctx.events,
          snapshotDir: ctx.config.snapshotDir,
          notifier: ctx.notifier,
          log: ctx.log,
        },
        this.camera,
      );
      this.incidentWriters.set(writer, incidents);
    }
    return incidents;
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
    const { t, step } = analysed;
    for (const action of step.rules.incidentActions) {
      const shot = this.shotFor(action, analysed);
      await this.writes.write({ kind: 'incident', writer: this.writerId, action, shot });
    }
    const { crowdSamples, lineCounts } = step.rules;
    if (crowdSamples.length || lineCounts.length) {
      await this.writes.write({ kind: 'series', crowd: [...crowdSamples], lines: [...lineCounts] });
    }
    if (this.count && t - this.count.startedAt.getTime() >= this.ctx.config.vehicleIntervalS * 1000)
      await this.flushCount(new Date(t));
  }

  /**
   * What an incident write needs of the frame, taken now (it may be held, and spilled, long after the frame is gone):
   * the picture and the involved tracks' best views when it may raise an alarm, the involved tracks' paths for an
   * update, nothing for an end.
   */
  private shotFor(action: IncidentAction, analysed: AnalysedFrame): FrameForSnapshot {
    const { frame, layout, step } = analysed;
    if (action.action === 'end') return { frame: null, layout, tracks: [] };
    const involved = action.signal.trackIds;
    if (!drawsSnapshot(action))
      return { frame: null, layout, tracks: step.tracks.filter((track) => involved.includes(track.id)) };
    const bestViews = involved.flatMap((trackId) => {
      const view = this.bestViews.get(trackId);
      return view ? [{ trackId, view }] : [];
    });
    return { frame, layout, tracks: step.tracks, bestViews };
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
    await this.writes.write({ kind: 'incidents-end', writer: this.writerId, at: endedAt });
  }

  /**
   * The camera is being handed back (its worker stopping): the writes it holds through a database outage are written
   * first, waiting up to HELD_WRITES_STOP_WAIT_S; what is still held then stays in the spill on disk, for the worker
   * that takes the camera next to write, and is said so (any write that could not be saved there is lost).
   */
  async handBack(): Promise<void> {
    const flushed = await this.writes.flushedWithin(this.ctx.config.heldWritesStopWaitS * 1000);
    await this.writes.abandon();
    if (flushed) return;
    const { held } = this.writes.state();
    const onDisk = this.spill.spilled;
    const detail = { cameraId: this.camera.id, held, onDisk, spill: this.spill.dir };
    if (onDisk >= held) {
      this.ctx.log(
        'warn',
        "camera handed back with writes still held: they stay in its spill for the camera's next owner",
        detail,
      );
      return;
    }
    this.ctx.log('error', 'camera handed back with writes still held: those not in its spill are lost', {
      ...detail,
      lost: held - onDisk,
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
    await this.writes.write({ kind: 'vehicle-count', event });
  }
}
