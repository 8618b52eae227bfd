// A Detector that runs in a worker thread: onnxruntime-node runs inference on the calling thread, so keeping it
// off the main thread lets frame handling, tracking and I/O go on while a frame is being detected.
import { Worker } from 'node:worker_threads';
import type { BoxScale, Detection } from '../detection.schema';
import type { DetectResult, DetectorOptions } from '../detector';
import { getManifest } from '../registry';
import type { ModelManifest } from '../manifest.schema';
import type { ThreadReply, ThreadRequest } from './messages';

/** What the pipeline needs from a detector, wherever it runs. */
export interface ObjectDetector {
  readonly manifest: ModelManifest;
  detect(tensor: Float32Array, scale: BoxScale): Promise<DetectResult>;
  close(): Promise<void>;
}

export class DetectorThread implements ObjectDetector {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (r: DetectResult) => void; reject: (e: Error) => void }>();
  private closed = false;

  private constructor(
    readonly manifest: ModelManifest,
    private readonly worker: Worker,
  ) {
    worker.on('message', (reply: ThreadReply) => {
      if (reply.kind === 'ready') return;
      const pending = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.kind === 'result') pending?.resolve({ detections: reply.detections as Detection[], inferenceMs: reply.inferenceMs });
      else pending?.reject(new Error(reply.message));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`detector thread exited with code ${code}`)));
  }

  static async load(modelId: string, options: DetectorOptions = {}): Promise<DetectorThread> {
    const manifest = getManifest(modelId);
    // The .mjs entry registers tsx first, so the thread can load TypeScript however the process was started.
    const worker = new Worker(new URL('./detector-thread.entry.mjs', import.meta.url), {
      workerData: { modelId, options },
    });
    let onMessage: (reply: ThreadReply) => void = () => undefined;
    let onError: (error: Error) => void = () => undefined;
    let onExit: (code: number) => void = () => undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onMessage = (reply) => {
          if (reply.kind === 'ready') resolve();
          else if (reply.kind === 'error' && reply.id === 0) reject(new Error(reply.message));
        };
        onError = reject;
        onExit = (code) => reject(new Error(`detector thread exited with code ${code} while loading ${modelId}`));
        worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      });
    } catch (error) {
      await worker.terminate();
      throw error;
    } finally {
      // Only our own listeners: removeAllListeners would also drop the Worker's internal ones.
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    }
    return new DetectorThread(manifest, worker);
  }

  /** The tensor's memory moves to the thread (no copy): do not use it after calling. */
  detect(tensor: Float32Array, scale: BoxScale): Promise<DetectResult> {
    if (this.closed) return Promise.reject(new Error(`Detector ${this.manifest.id} is closed`));
    const id = this.nextId++;
    const request: ThreadRequest = { id, tensor, scale: { scaleX: scale.scaleX, scaleY: scale.scaleY } };
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage(request, [tensor.buffer as ArrayBuffer]);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }

  private failAll(error: Error): void {
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}
