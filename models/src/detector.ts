// One onnxruntime session for one model: tensor in, decoded detections out.
import * as ort from 'onnxruntime-node';
import { decodeOutputs } from './decoders/decode';
import type { BoxScale, Detection } from './detection.schema';
import { locateModel, type LocateOptions } from './locate';
import type { ModelManifest } from './manifest.schema';
import { getManifest } from './registry';

export interface DetectorOptions extends LocateOptions {
  /** onnxruntime intraOpNumThreads; default 1 (many cameras share the CPU, one thread each scales best). */
  threads?: number;
  /** Let idle onnxruntime threads spin (lowest latency for one stream); default true. */
  spinning?: boolean;
}

export interface DetectResult {
  detections: Detection[];
  /** Wall time of session.run alone. */
  inferenceMs: number;
}

export class Detector {
  private closed = false;

  private constructor(
    readonly manifest: ModelManifest,
    private readonly session: ort.InferenceSession,
  ) {}

  static async load(modelId: string, options: DetectorOptions = {}): Promise<Detector> {
    const manifest = getManifest(modelId);
    const file = await locateModel(manifest, options);
    const threads = options.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1)
      throw new Error(`threads must be a positive integer, got ${threads}`);
    const session = await ort.InferenceSession.create(file, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      // PicoDet's export lists its weights as graph inputs; onnxruntime warns once per weight otherwise.
      logSeverityLevel: 3,
      // Idle pool threads spin by default, taking CPU from the ffmpeg decoders that share the machine.
      ...(options.spinning === false
        ? { extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } } }
        : {}),
    });
    const missing = [
      ...[manifest.input.name].filter((n) => !session.inputNames.includes(n)),
      ...manifest.outputs.filter((n) => !session.outputNames.includes(n)),
    ];
    if (missing.length > 0) {
      await session.release();
      throw new Error(`${file} has no tensor named ${missing.join(', ')} (manifest ${manifest.id})`);
    }
    return new Detector(manifest, session);
  }

  /** `tensor` is the NCHW input from prepareImage or tensorFromPackedFrame; `scale` maps boxes to source pixels. */
  async detect(tensor: Float32Array, scale: BoxScale): Promise<DetectResult> {
    if (this.closed) throw new Error(`Detector ${this.manifest.id} is closed`);
    const { name, width, height } = this.manifest.input;
    if (tensor.length !== 3 * width * height) {
      throw new Error(
        `Input tensor has ${tensor.length} values, ${this.manifest.id} needs 3×${height}×${width}`,
      );
    }
    const feeds = { [name]: new ort.Tensor('float32', tensor, [1, 3, height, width]) };
    const started = performance.now();
    const results = await this.session.run(feeds, this.manifest.outputs);
    const inferenceMs = performance.now() - started;
    const outputs: Record<string, Float32Array> = {};
    for (const [key, value] of Object.entries(results)) outputs[key] = value.data as Float32Array;
    const detections = decodeOutputs(this.manifest, outputs, { scaleX: scale.scaleX, scaleY: scale.scaleY });
    return { detections, inferenceMs };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session.release();
  }
}
