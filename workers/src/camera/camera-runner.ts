// Runs one camera: probe, read frames (and record the stream), gate/detect/track/apply rules, write events and series,
// report health; reconnects with backoff.
import type pg from 'pg';
import type { FrameGeometry, ObjectDetector, TiledGeometry } from '@toc/models';
import { findCalibration, listLines, listZones } from '@toc/server/repositories/scene.repository';
import { findRecordingWish } from '@toc/server/repositories/recording-wish.repository';
import type { CameraHealth, CameraState, GapReason } from '@toc/server/schemas';
import type { StreamCamera } from '@toc/server/services/camera-streams.service';
import { redactCredentials } from '@toc/server/lib/redact-credentials';
import type { EventStore } from '@toc/server/services/event-store.service';
import type { WorkerConfig } from '../config';
import type { DetectorPool } from '../detect/detector-pool';
import { startFrameReader, type FrameReader } from '../ingest/frame-reader';
import { probeStream, UnsupportedStreamError } from '../ingest/probe';
import { attemptAfterRun, backoffDelayMs } from '../lib/backoff';
import { CameraPipeline, type SceneSetup } from '../pipeline/camera-pipeline';
import { cameraGeometry, frameLayout, tilesOf } from '../pipeline/frame-layout';
import type { NotifierContext } from '../outputs/notifier';
import { prepareFrame, type FrameStepContext, type FrameStepResult } from '../pipeline/frame-step';
import { FrameDrain } from '../pipeline/frame-drain';
import type { LiveFeeds } from '../live/live-feeds';
import { CameraRecorder, type RecordingOutput } from '../record/camera-recorder';
import { backlogFoldKey, recordingBacklogAlarm, recordingGapAlarm } from '../record/recording-alarms';
import { conditionCleared, conditionHolds } from '../outputs/condition-alarm';
import type { BehindCameras } from './behind-cameras';
import { CameraOutputs } from './camera-outputs';
import type { RunningCamera } from './running-camera';
import type { CameraLoad } from './worker-capacity';

export interface CameraStatusReport {
  cameraId: number;
  status: CameraState;
  reason: string | null;
  seenAt: Date | null;
  health?: CameraHealth;
}

export interface CameraRunnerContext {
  config: WorkerConfig;
  db: pg.Pool;
  detectors: DetectorPool;
  /** Live frames and tracked objects for the control room; absent in tools that run cameras headless. */
  live?: LiveFeeds;
  /** The worker's alarm for its cameras behind on their frames. */
  behindCameras?: BehindCameras;
  events: EventStore;
  notifier: NotifierContext;
  reportStatus: (report: CameraStatusReport) => Promise<void>;
  log: NotifierContext['log'];
}

export async function loadScene(db: pg.Pool, cameraId: number): Promise<SceneSetup> {
  const [zones, lines, calibration] = await Promise.all([
    listZones(db, cameraId),
    listLines(db, cameraId),
    findCalibration(db, cameraId),
  ]);
  return { zones, lines, calibration };
}

/**
 * Two loads of a camera's scene describe the same zones, lines and calibration (row times aside). Replacing an
 * unchanged scene used to restart every rule on each periodic sync, orphaning the alarms it was tracking.
 */
export function sameScene(a: SceneSetup, b: SceneSetup): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class CameraRunner implements RunningCamera {
  private stopped = false;
  private reader: FrameReader | null = null;
  private wake: (() => void) | null = null;
  private pipeline: CameraPipeline | null = null;
  private readonly outputs: CameraOutputs;
  private readonly recorder: CameraRecorder;
  /** The stream is being restarted on purpose (recording switched on, off or paused): no outage, no backoff. */
  private restarting = false;
  private healthTimer: NodeJS.Timeout | null = null;
  private online = false;
  readonly finished: Promise<void>;

  constructor(
    readonly camera: StreamCamera,
    private readonly ctx: CameraRunnerContext,
  ) {
    this.outputs = new CameraOutputs(camera, ctx);
    this.recorder = new CameraRecorder({
      db: ctx.db,
      recording: ctx.config.recording,
      cameraId: camera.id,
      workerId: ctx.config.workerId,
      log: ctx.log,
      onGap: (gap) => void this.raiseGapAlarm(gap),
      onBacklog: (pending) => void this.backlogAlarm(pending),
    });
    this.finished = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader?.stop();
    this.wake?.();
    await this.finished;
  }

  /**
   * Called on every camera sync: the scene is replaced only when an editor actually changed it; the stream restarts
   * when recording must start, stop or pause (settings, the cleaner, the recordings volume coming back).
   */
  async reloadScene(): Promise<void> {
    const wishChanged = this.recorder.setWish(await findRecordingWish(this.ctx.db, this.camera.id));
    if ((wishChanged || (await this.recorder.volumeBack())) && this.reader) {
      this.restarting = true;
      this.reader.stop();
    }
    if (!this.pipeline) return;
    const scene = await loadScene(this.ctx.db, this.camera.id);
    if (sameScene(scene, this.pipeline.currentScene)) return;
    this.pipeline.setScene(scene);
  }

  load(): CameraLoad {
    return this.outputs.health.load(this.camera.detectFps);
  }

  /** ffmpeg's text names the URL and may echo the user or password: every reason shown or logged goes through here. */
  private redact(text: string): string {
    return redactCredentials(text, this.camera.streamSecrets);
  }

  private async report(
    status: CameraState,
    reason: string | null,
    seenAt: Date | null = null,
    health?: CameraHealth,
  ): Promise<void> {
    const shown = reason === null ? null : this.redact(reason);
    await this.ctx
      .reportStatus({
        cameraId: this.camera.id,
        status,
        reason: shown,
        seenAt,
        ...(health ? { health } : {}),
      })
      .catch((error: Error) =>
        this.ctx.log('warn', 'status report failed', { cameraId: this.camera.id, error: error.message }),
      );
  }

  private async run(): Promise<void> {
    let attempt = 0;
    await this.outputs.takeOver();
    await this.startRecorder();
    this.healthTimer = setInterval(() => void this.reportHealth(), this.ctx.config.healthIntervalS * 1000);
    this.ctx.live?.cameraStarted(this.camera.id);
    while (!this.stopped) {
      await this.report('starting', null);
      let reason: string;
      let state: CameraState = 'offline';
      /** How long the stream delivered frames this run; null: not a single one. */
      let upForMs: number | null = null;
      let storageFull = false;
      try {
        if (this.camera.credentialsError) {
          state = 'error';
          throw new Error(this.camera.credentialsError);
        }
        const detector = await this.ctx.detectors.get(this.camera.modelId).catch((error: Error) => {
          state = 'error';
          throw error;
        });
        const info = await probeStream(this.camera.streamUrl, this.ctx.config.probeTimeoutS).catch(
          (error: Error) => {
            if (error instanceof UnsupportedStreamError) state = 'error';
            throw error;
          },
        );
        // Stopped while the model loaded or the stream was probed (a worker stopping as it takes cameras): the
        // stream is not started at all.
        if (this.stopped) throw new Error('the camera stopped before its stream started');
        const geometry = cameraGeometry(detector, this.camera.tiling, info.width, info.height);
        this.pipeline = new CameraPipeline(
          frameLayout(detector, geometry, info.width, info.height),
          await loadScene(this.ctx.db, this.camera.id),
          { gating: true, expectedFps: this.camera.detectFps },
        );
        const outcome = await this.readStream(detector, geometry, this.pipeline);
        reason = outcome.reason;
        upForMs = outcome.upForMs;
        storageFull = outcome.gap === 'storage_full';
        attempt = attemptAfterRun(attempt, upForMs, this.ctx.config.retryStableS * 1000);
        // ffmpeg gave up decoding before a single frame: the stream is corrupt or its codec unusable.
        if (upForMs === null && /invalid data|could not find codec|decoder|unsupported/i.test(reason))
          state = 'error';
        if (reason.startsWith('stalled')) state = 'stalled';
      } catch (error) {
        reason = (error as Error).message;
      }
      await this.outputs.streamEnded();
      if (this.stopped) break;
      if (this.restarting) {
        this.restarting = false;
        continue;
      }
      // The recordings volume filled up and took ffmpeg down, not the camera: at once again, analysing without
      // recording (the recorder does not start one on a full volume, so this cannot spin), no outage, no backoff.
      if (storageFull) {
        this.ctx.log('warn', 'recordings volume full: camera goes on without recording', {
          cameraId: this.camera.id,
          reason: this.redact(reason),
        });
        continue;
      }
      this.online = false;
      // A drop after frames goes into the health that comes with the down report: operators see a camera that keeps
      // coming and going as unstable while it is down, not only its latest state.
      if (upForMs !== null) this.outputs.health.outage();
      await this.report(state, reason, null, upForMs !== null ? this.healthFigures() : undefined);
      const retryInMs = backoffDelayMs(attempt, this.ctx.config.retryInitialS, this.ctx.config.retryMaxS);
      this.ctx.log('warn', 'camera down', {
        cameraId: this.camera.id,
        state,
        reason: this.redact(reason),
        attempt,
        upForMs,
        retryInMs,
      });
      attempt++;
      await this.sleep(retryInMs);
    }
    if (this.healthTimer) clearInterval(this.healthTimer);
    await this.ctx.live?.cameraStopped(this.camera.id);
    await this.outputs.handBack();
  }

  private async readStream(
    detector: ObjectDetector,
    geometry: FrameGeometry | TiledGeometry,
    pipeline: CameraPipeline,
  ) {
    /** First and newest frame of this run: how long the stream stayed up. */
    const frames: { first: number | null; last: number } = { first: null, last: 0 };
    const context: FrameStepContext = {
      pipeline,
      detector,
      scale: geometry,
      ...tilesOf(geometry),
    };
    const drain = new FrameDrain(
      context,
      (result) => this.handleResult(pipeline, result),
      (error) => {
        this.outputs.health.frameError();
        this.ctx.log('error', 'frame failed', { cameraId: this.camera.id, error: error.message });
      },
    );
    const record = await this.recorder.beginRun().catch((error: Error) => {
      this.ctx.log('error', 'recording not started', { cameraId: this.camera.id, error: error.message });
      return null;
    });
    let reason = 'stream not started';
    let gap: GapReason | null;
    try {
      reason = await this.readFrames(context, geometry, drain, record, () => {
        frames.last = Date.now();
        frames.first ??= frames.last;
      });
    } finally {
      gap = await this.recorder.endRun(this.gapOf(reason)).catch((error: Error) => {
        this.ctx.log('error', 'recording not closed', { cameraId: this.camera.id, error: error.message });
        return null;
      });
    }
    await drain.idle();
    const upForMs = frames.first === null ? null : frames.last - frames.first;
    return { reason, upForMs, gap };
  }

  private async readFrames(
    context: FrameStepContext,
    geometry: FrameGeometry | TiledGeometry,
    drain: FrameDrain,
    record: RecordingOutput | null,
    sawFrame: () => void,
  ): Promise<string> {
    let first = true;
    this.reader = startFrameReader({
      source: { rtspUrl: this.camera.streamUrl },
      ...(record ? { record } : {}),
      fps: this.camera.detectFps,
      filter: geometry.filter,
      pixelFormat: geometry.pixelFormat,
      frameBytes: geometry.frameBytes,
      stallTimeoutS: this.ctx.config.stallTimeoutS,
      onDecodeError: () => this.outputs.health.decodeError(),
      onFrame: (frame, at) => {
        sawFrame();
        if (first) {
          first = false;
          this.recorder.firstFrame(at.getTime());
        }
        this.outputs.health.frameIn(at);
        if (this.stopped) return;
        try {
          // Gate and tensor now, while the detector may still be busy with earlier frames.
          if (drain.offer(prepareFrame(context, frame, at.getTime()))) this.outputs.health.skipped();
        } catch (error) {
          this.outputs.health.frameError();
          this.ctx.log('error', 'frame failed', {
            cameraId: this.camera.id,
            error: (error as Error).message,
          });
        }
      },
    });
    // A stop that came while the recording run began found no reader to stop: this one must not outlive it.
    if (this.stopped) this.reader.stop();
    const { reason } = await this.reader.done;
    this.reader = null;
    return reason;
  }

  private async startRecorder(): Promise<void> {
    try {
      this.recorder.setWish(await findRecordingWish(this.ctx.db, this.camera.id));
      await this.recorder.recoverLeftovers();
    } catch (error) {
      this.ctx.log('error', 'recording leftovers not indexed', {
        cameraId: this.camera.id,
        error: (error as Error).message,
      });
    }
  }

  /** Why this camera's footage stops where the stream run ended. */
  private gapOf(reason: string): { reason: GapReason; detail: string | null } {
    const detail = this.redact(reason);
    if (this.stopped)
      return {
        reason: 'worker_stopped',
        detail: 'the camera stopped on this worker (reconfigured, disabled or handed over)',
      };
    if (/no space left/i.test(reason)) return { reason: 'storage_full', detail };
    if (/input\/output error|read-only file system|permission denied|error writing/i.test(reason))
      return { reason: 'write_failed', detail };
    if (this.restarting)
      return { reason: 'recording_disabled', detail: 'recording switched off or paused for this camera' };
    return { reason: 'camera_offline', detail };
  }

  private async backlogAlarm(pending: number): Promise<void> {
    const ctx = { db: this.ctx.db, events: this.ctx.events };
    const key = backlogFoldKey(this.camera.id);
    await (
      pending > 0
        ? conditionHolds(ctx, recordingBacklogAlarm(this.camera, pending, new Date()), key)
        : conditionCleared(ctx, key, new Date().toISOString())
    ).catch((error: Error) =>
      this.ctx.log('error', 'recording backlog alarm failed', {
        cameraId: this.camera.id,
        error: error.message,
      }),
    );
  }

  private async raiseGapAlarm(gap: { reason: GapReason; from: Date; detail: string | null }): Promise<void> {
    await this.ctx.events.raise(...recordingGapAlarm(this.camera, gap)).catch((error: Error) =>
      this.ctx.log('error', 'recording gap alarm failed', {
        cameraId: this.camera.id,
        error: error.message,
      }),
    );
  }

  private async handleResult(pipeline: CameraPipeline, result: FrameStepResult): Promise<void> {
    const analysed = {
      t: result.prepared.t,
      frame: result.prepared.frame,
      layout: pipeline.layout,
      detections: result.detections,
      inferenceMs: result.inferenceMs,
      step: result.step,
    };
    this.outputs.observe(analysed);
    if (!this.online) {
      this.online = true;
      await this.report('online', null, new Date(analysed.t), this.outputs.health.snapshot());
    }
    await this.outputs.write(analysed);
  }

  private healthFigures(): CameraHealth {
    return { ...this.outputs.health.snapshot(), recording: this.recorder.health() };
  }

  private async reportHealth(): Promise<void> {
    if (!this.online || this.stopped) return;
    const health = this.healthFigures();
    await this.report('online', null, health.lastFrameAt ? new Date(health.lastFrameAt) : null, health);
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
