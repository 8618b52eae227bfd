// Counts what happens to a camera's frames and turns the counts into the health figures operators see.
import type { CameraHealth } from '@toc/server/schemas';

export class HealthMeter {
  private window = { startedAt: Date.now(), framesIn: 0, detected: 0, gated: 0, inferenceMs: 0 };
  private framesSkipped = 0;
  private frameErrors = 0;
  private decodeErrors = 0;
  private confirmedTracks = 0;
  private lastFrameAt: Date | null = null;

  constructor(private readonly workerId: string) {}

  frameIn(at: Date): void {
    this.window.framesIn++;
    this.lastFrameAt = at;
  }
  detected(inferenceMs: number): void {
    this.window.detected++;
    this.window.inferenceMs += inferenceMs;
  }
  gated(): void {
    this.window.gated++;
  }
  skipped(): void {
    this.framesSkipped++;
  }
  frameError(): void {
    this.frameErrors++;
  }
  decodeError(): void {
    this.decodeErrors++;
  }
  tracks(confirmed: number): void {
    this.confirmedTracks = confirmed;
  }

  /** Rates over the time since the previous snapshot; totals since start. */
  snapshot(now = Date.now()): CameraHealth {
    const w = this.window;
    const seconds = Math.max(0.001, (now - w.startedAt) / 1000);
    const round = (v: number) => Math.round(v * 100) / 100;
    const health: CameraHealth = {
      workerId: this.workerId,
      inputFps: round(w.framesIn / seconds),
      detectFps: round(w.detected / seconds),
      gatedFps: round(w.gated / seconds),
      framesSkipped: this.framesSkipped,
      frameErrors: this.frameErrors,
      decodeErrors: this.decodeErrors,
      inferenceMs: round(w.detected ? w.inferenceMs / w.detected : 0),
      tracks: this.confirmedTracks,
      lastFrameAt: this.lastFrameAt?.toISOString() ?? null,
    };
    this.window = { startedAt: now, framesIn: 0, detected: 0, gated: 0, inferenceMs: 0 };
    return health;
  }
}
