// A simulated camera for the scale benchmark: frames come from a recorded clip on the camera's detect-rate clock
// instead of ffmpeg, detections from the recording instead of the detector. The motion gate, tracker, placement,
// rules, incident writes (through the write journal), vehicle counts, series, live objects and health reports are
// the worker's own (CameraOutputs, as CameraRunner uses them; its frame source is ffmpeg, so it is not reused whole).
import type pg from 'pg';
import type { CameraHealth, CameraState } from '@toc/server/schemas';
import type { StreamCamera } from '@toc/server/services/camera-streams.service';
import type { EventStore } from '@toc/server/services/event-store.service';
import type { WorkerConfig } from '../src/config';
import type { RunningCamera } from '../src/camera/running-camera';
import type { CameraLoad } from '../src/camera/worker-capacity';
import { loadScene, sameScene, type CameraRunnerContext } from '../src/camera/camera-runner';
import { CameraOutputs } from '../src/camera/camera-outputs';
import type { LiveFeeds } from '../src/live/live-feeds';
import type { NotifierContext } from '../src/outputs/notifier';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import type { RecordedFrame, ReplayClip } from './scale-recording';

/** What every simulated camera of a process adds to, for the benchmark's figures. */
export interface ReplayCounters {
  running: number;
  /** Frames the camera clocks produced. */
  framesIn: number;
  /** Frames tracked, ruled and written (the rest were replaced by a newer one while writes were pending). */
  processed: number;
  /** Processed frames the motion gate sent to the (replayed) detector. */
  detected: number;
  skipped: number;
  /** Frames the clock was too late to take (the process was busy): lost as a camera's would be. */
  late: number;
  errors: number;
}

export const newReplayCounters = (): ReplayCounters => ({
  running: 0,
  framesIn: 0,
  processed: 0,
  detected: 0,
  skipped: 0,
  late: 0,
  errors: 0,
});

export interface SimulatedCameraContext {
  config: WorkerConfig;
  db: pg.Pool;
  events: EventStore;
  live: LiveFeeds;
  behindCameras: CameraRunnerContext['behindCameras'];
  notifier: NotifierContext;
  reportStatus: CameraRunnerContext['reportStatus'];
  log: NotifierContext['log'];
  clipFor: (camera: StreamCamera) => ReplayClip;
  counters: ReplayCounters;
}

interface ReplayFrame {
  picture: Uint8Array;
  recorded: RecordedFrame;
  t: number;
  detect: boolean;
}

export class SimulatedCamera implements RunningCamera {
  private stopped = false;
  private wake: () => void = () => undefined;
  private clock: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private pipeline: CameraPipeline | null = null;
  private pending: ReplayFrame | null = null;
  private draining: Promise<void> | null = null;
  private online = false;
  private readonly clip: ReplayClip;
  private readonly periodMs: number;
  /** Each camera starts at its own place in the clip and its own phase of the clock, as real cameras do. */
  private index: number;
  private nextAt = 0;
  private readonly outputs: CameraOutputs;
  readonly finished: Promise<void>;

  constructor(
    readonly camera: StreamCamera,
    private readonly ctx: SimulatedCameraContext,
  ) {
    this.clip = ctx.clipFor(camera);
    this.periodMs = 1000 / camera.detectFps;
    this.index = Math.floor(Math.random() * this.clip.frames.length);
    this.outputs = new CameraOutputs(camera, ctx);
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.finished;
  }

  /**
   * Costs its worker no detector time (the detections are replayed) and is never counted short: the benchmark
   * gives each worker its share of cameras and measures how far the event path keeps up, past the point a live
   * worker would stop taking cameras.
   */
  load(): CameraLoad {
    return {
      detectFps: this.camera.detectFps,
      inferenceMsPerFrame: null,
      shortOfFrames: false,
      silent: false,
    };
  }

  async reloadScene(): Promise<void> {
    if (!this.pipeline) return;
    const scene = await loadScene(this.ctx.db, this.camera.id);
    if (!sameScene(scene, this.pipeline.currentScene)) this.pipeline.setScene(scene);
  }

  private async run(): Promise<void> {
    await this.outputs.takeOver();
    await this.report('starting', null);
    try {
      this.pipeline = new CameraPipeline(this.clip.layout, await loadScene(this.ctx.db, this.camera.id), {
        gating: true,
        expectedFps: this.camera.detectFps,
      });
    } catch (error) {
      await this.report('error', (error as Error).message);
      return;
    }
    this.ctx.counters.running++;
    this.ctx.live.cameraStarted(this.camera.id);
    this.healthTimer = setInterval(() => void this.reportHealth(), this.ctx.config.healthIntervalS * 1000);
    this.nextAt = Date.now() + Math.random() * this.periodMs;
    this.schedule();
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      if (this.stopped) resolve();
    });
    if (this.clock) clearTimeout(this.clock);
    if (this.healthTimer) clearInterval(this.healthTimer);
    await this.draining;
    await this.outputs.streamEnded();
    await this.ctx.live.cameraStopped(this.camera.id);
    await this.outputs.handBack();
    this.ctx.counters.running--;
  }

  private schedule(): void {
    this.clock = setTimeout(() => this.tick(), Math.max(0, this.nextAt - Date.now()));
  }

  /** One frame of the camera's clock, stamped with the time the camera took it (not when the process got to it). */
  private tick(): void {
    if (this.stopped) return;
    for (const now = Date.now(); now - this.nextAt >= this.periodMs; this.nextAt += this.periodMs) {
      this.index++;
      this.ctx.counters.late++;
    }
    const t = this.nextAt;
    this.nextAt += this.periodMs;
    const i = this.index++ % this.clip.frames.length;
    const picture = this.clip.pictures[i]!;
    this.outputs.health.frameIn(new Date(t));
    this.ctx.counters.framesIn++;
    try {
      // The live motion gate on the real picture, as prepareFrame does; only its detector call is replayed.
      const gate = this.pipeline!.gateFrame(picture, t);
      this.offer({ picture, recorded: this.clip.frames[i]!, t, detect: !gate || gate.detect });
    } catch (error) {
      this.failed(error as Error);
    }
    this.schedule();
  }

  /** As FrameDrain: frames are handled in order, and while one is being written only the newest waits. */
  private offer(frame: ReplayFrame): void {
    if (this.pending) {
      this.outputs.health.skipped();
      this.ctx.counters.skipped++;
    }
    this.pending = frame;
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const frame = this.pending;
      this.pending = null;
      try {
        await this.handle(frame);
        this.ctx.counters.processed++;
      } catch (error) {
        this.failed(error as Error);
      }
    }
  }

  private failed(error: Error): void {
    this.outputs.health.frameError();
    this.ctx.counters.errors++;
    this.ctx.log('error', 'frame failed', { cameraId: this.camera.id, error: error.message });
  }

  /** CameraRunner.handleResult, minus the recorder. */
  private async handle({ picture, recorded, t, detect }: ReplayFrame): Promise<void> {
    const pipeline = this.pipeline!;
    const detections = detect ? recorded.detections : null;
    const analysed = {
      t,
      frame: picture,
      layout: pipeline.layout,
      detections,
      inferenceMs: detections ? recorded.inferenceMs : null,
      step: pipeline.advance(detections, t),
    };
    if (detections) this.ctx.counters.detected++;
    this.outputs.observe(analysed);
    if (!this.online) {
      this.online = true;
      await this.report('online', null, new Date(t), this.outputs.health.snapshot());
    }
    await this.outputs.write(analysed);
  }

  private async report(
    status: CameraState,
    reason: string | null,
    seenAt: Date | null = null,
    health?: CameraHealth,
  ): Promise<void> {
    await this.ctx
      .reportStatus({ cameraId: this.camera.id, status, reason, seenAt, ...(health ? { health } : {}) })
      .catch((error: Error) =>
        this.ctx.log('warn', 'status report failed', { cameraId: this.camera.id, error: error.message }),
      );
  }

  private async reportHealth(): Promise<void> {
    if (!this.online || this.stopped) return;
    const health = this.outputs.health.snapshot();
    await this.report('online', null, health.lastFrameAt ? new Date(health.lastFrameAt) : null, health);
  }
}
