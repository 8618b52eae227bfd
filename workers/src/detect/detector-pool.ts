// One onnxruntime session per model per process, in its own thread, shared by every camera of this worker.
import { DetectorThread, type ObjectDetector } from '@toc/models';

export interface DetectorPoolOptions {
  modelsDir: string | undefined;
  threads: number;
  /** Idle onnxruntime threads spin: faster for one camera, but takes CPU the ffmpeg decoders need. */
  spinning?: boolean;
}

export class DetectorPool {
  // Each detector thread answers requests one at a time in arrival order: that is the queue the cameras share.
  private readonly detectors = new Map<string, Promise<ObjectDetector>>();

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

  async close(): Promise<void> {
    const all = [...this.detectors.values()];
    this.detectors.clear();
    await Promise.allSettled(all.map(async (d) => (await d).close()));
  }
}
