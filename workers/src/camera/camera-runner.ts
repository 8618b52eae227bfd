// Runs one camera: probe, read frames, detect, count vehicles per interval, report health; reconnects with backoff.
import { frameGeometry, tensorFromPackedFrame, type Detector } from '@toc/models';
import type { Camera, CameraState } from '@toc/server/schemas';
import type { EventStore } from '@toc/server/services/event-store.service';
import type { WorkerConfig } from '../config';
import type { DetectorPool } from '../detect/detector-pool';
import { startFrameReader, type FrameReader } from '../ingest/frame-reader';
import { probeStream } from '../ingest/probe';
import { backoffDelayMs } from '../lib/backoff';
import { addFrame, newVehicleCount, summarize, type VehicleCountState } from '../rules/vehicle-count';

export interface CameraStatusReport {
  cameraId: number;
  status: CameraState;
  reason: string | null;
  seenAt: Date | null;
}

export interface CameraRunnerContext {
  config: WorkerConfig;
  detectors: DetectorPool;
  events: EventStore;
  reportStatus: (report: CameraStatusReport) => Promise<void>;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}

export interface CameraStats {
  framesIn: number;
  framesDetected: number;
  framesSkipped: number;
  inferenceMsTotal: number;
}

export class CameraRunner {
  readonly stats: CameraStats = { framesIn: 0, framesDetected: 0, framesSkipped: 0, inferenceMsTotal: 0 };
  private stopped = false;
  private reader: FrameReader | null = null;
  private wake: (() => void) | null = null;
  private pending: { frame: Buffer; at: Date } | null = null;
  private busy = false;
  private count: VehicleCountState | null = null;
  private online = false;
  readonly finished: Promise<void>;

  constructor(
    readonly camera: Camera,
    private readonly ctx: CameraRunnerContext,
  ) {
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader?.stop();
    this.wake?.();
    await this.finished;
  }

  private async report(status: CameraState, reason: string | null, seenAt: Date | null = null): Promise<void> {
    await this.ctx.reportStatus({ cameraId: this.camera.id, status, reason, seenAt }).catch((error: Error) =>
      this.ctx.log('warn', 'status report failed', { cameraId: this.camera.id, error: error.message }),
    );
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      await this.report('starting', null);
      let reason: string;
      let state: CameraState = 'offline';
      try {
        const detector = await this.ctx.detectors.get(this.camera.modelId).catch((error: Error) => {
          state = 'error';
          throw error;
        });
        const info = await probeStream(this.camera.rtspUrl, this.ctx.config.probeTimeoutS);
        const outcome = await this.readStream(detector, info.width, info.height);
        reason = outcome.reason;
        if (outcome.sawFrames) attempt = 0;
        if (reason.startsWith('stalled')) state = 'stalled';
      } catch (error) {
        reason = (error as Error).message;
      }
      await this.flushCount(new Date());
      if (this.stopped) break;
      this.online = false;
      await this.report(state, reason);
      this.ctx.log('warn', 'camera down', { cameraId: this.camera.id, state, reason, attempt });
      await this.sleep(backoffDelayMs(attempt++, this.ctx.config.retryInitialS, this.ctx.config.retryMaxS));
    }
  }

  private async readStream(detector: Detector, width: number, height: number) {
    const geometry = frameGeometry(detector.manifest, width, height);
    let sawFrames = false;
    this.reader = startFrameReader({
      source: { rtspUrl: this.camera.rtspUrl },
      fps: this.camera.detectFps,
      filter: geometry.filter,
      pixelFormat: geometry.pixelFormat,
      frameBytes: geometry.frameBytes,
      stallTimeoutS: this.ctx.config.stallTimeoutS,
      onFrame: (frame, at) => {
        sawFrames = true;
        this.stats.framesIn++;
        if (this.pending) this.stats.framesSkipped++; // latest frame wins while inference is behind
        this.pending = { frame, at };
        void this.drain(detector, geometry);
      },
    });
    const { reason } = await this.reader.done;
    this.reader = null;
    return { reason, sawFrames };
  }

  private async drain(detector: Detector, scale: { scaleX: number; scaleY: number }): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.pending && !this.stopped) {
        const { frame, at } = this.pending;
        this.pending = null;
        const result = await this.ctx.detectors.serialize(() =>
          detector.detect(tensorFromPackedFrame(frame, detector.manifest), scale),
        );
        this.stats.framesDetected++;
        this.stats.inferenceMsTotal += result.inferenceMs;
        if (!this.online) {
          this.online = true;
          await this.report('online', null, at);
        }
        this.count = addFrame(this.count ?? newVehicleCount(at), result.detections);
        if (at.getTime() - this.count.startedAt.getTime() >= this.ctx.config.vehicleIntervalS * 1000) {
          await this.flushCount(at);
        }
      }
    } catch (error) {
      // One bad frame must not take the camera down: log it and carry on with the next.
      this.ctx.log('error', 'detection failed', { cameraId: this.camera.id, error: (error as Error).message });
    } finally {
      this.busy = false;
    }
  }

  private async flushCount(endedAt: Date): Promise<void> {
    const count = this.count;
    this.count = null;
    if (!count || count.frames === 0) return;
    const summary = summarize(count, endedAt);
    await this.ctx.events
      .record({
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
      })
      .catch((error: Error) => this.ctx.log('error', 'event write failed', { cameraId: this.camera.id, error: error.message }));
    await this.report('online', null, endedAt);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
