// One onnxruntime session per model per process, in its own thread, shared by every camera of this worker.
import { DetectorThread, type ObjectDetector } from '@toc/models';

export interface DetectorPoolOptions {
  modelsDir: string | undefined;
  threads: number;
  /** Idle onnxruntime threads spin: faster for one camera, but takes CPU the ffmpeg decoders need. */
  spinning?: boolean;
}

export class DetectorPool {
  private readonly detectors = new Map<string, Promise<ObjectDetector>>();
  // Inference runs one at a time per process: parallel runs only fight over the same cores.
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: DetectorPoolOptions) {}

  get(modelId: string): Promise<ObjectDetector> {
    let detector = this.detectors.get(modelId);
    if (!detector) {
      detector = DetectorThread.load(modelId, {
        modelsDir: this.options.modelsDir,
        threads: this.options.threads,
        spinning: this.options.spinning ?? false,
      });
      this.detectors.set(modelId, detector);
      detector.catch(() => this.detectors.delete(modelId)); // let a fixed file be picked up on retry
    }
    return detector;
  }

  /** Runs `work` after every inference queued before it. */
  serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    const all = [...this.detectors.values()];
    this.detectors.clear();
    await Promise.allSettled(all.map(async (d) => (await d).close()));
  }
}
