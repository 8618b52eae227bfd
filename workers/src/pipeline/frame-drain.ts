// Keeps one camera's frames moving: up to two frames are with the detector at once (its thread never waits
// for us between frames), the newest waiting frame wins (older ones are dropped and counted), and results are
// tracked strictly in arrival order.
import { advanceFrame, detectFrame, type DetectedFrame, type FrameStepContext, type FrameStepResult, type PreparedFrame } from './frame-step';

/** Frames sent to the detector before the first of them comes back. */
const DEPTH = 2;

export class FrameDrain {
  private pending: PreparedFrame | null = null;
  private readonly inFlight: Promise<DetectedFrame>[] = [];
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
    this.dispatch();
    this.running ??= this.loop().finally(() => (this.running = null));
    return dropped;
  }

  /** Settles when no frame is waiting or in the detector. */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private dispatch(): void {
    while (this.pending && this.inFlight.length < DEPTH) {
      const next = this.pending;
      this.pending = null;
      const detection = detectFrame(this.ctx, next);
      detection.catch(() => undefined); // reported in finish(), in order
      this.inFlight.push(detection);
    }
  }

  private async loop(): Promise<void> {
    while (this.inFlight.length > 0) {
      await this.finish(this.inFlight[0]!);
      this.inFlight.shift();
      this.dispatch();
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
