// Keeps one camera's frames moving: the newest waiting frame wins (older ones are dropped and counted), and it
// is sent to the detector while the previous frame is tracked, so the detector thread never waits for us.
import { advanceFrame, detectFrame, type DetectedFrame, type FrameStepContext, type FrameStepResult, type PreparedFrame } from './frame-step';

export class FrameDrain {
  private pending: PreparedFrame | null = null;
  private running: Promise<void> | null = null;
  /** Frames replaced by a newer one before the detector got to them. */
  skipped = 0;

  constructor(
    private readonly ctx: FrameStepContext,
    private readonly onResult: (result: FrameStepResult) => Promise<void> | void,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Returns true when an older waiting frame was dropped for this one. */
  offer(prepared: PreparedFrame): boolean {
    const dropped = this.pending !== null;
    if (dropped) this.skipped++;
    this.pending = prepared;
    this.running ??= this.loop().finally(() => (this.running = null));
    return dropped;
  }

  /** Settles when no frame is waiting or in the detector. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private async loop(): Promise<void> {
    let inFlight: Promise<DetectedFrame> | null = null;
    while (inFlight || this.pending) {
      const next = this.pending;
      this.pending = null;
      const started = next ? detectFrame(this.ctx, next) : null;
      started?.catch(() => undefined); // handled when its turn comes in finish()
      if (inFlight) await this.finish(inFlight);
      inFlight = started;
    }
  }

  private async finish(detection: Promise<DetectedFrame>): Promise<void> {
    try {
      await this.onResult(advanceFrame(this.ctx, await detection));
    } catch (error) {
      // One bad frame must not stop the camera.
      this.onError(error as Error);
    }
  }
}
