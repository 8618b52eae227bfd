// One frame through the pipeline, in two halves: `prepareFrame` (gate and tensor, synchronous, done as the frame
// arrives so it overlaps the inference of earlier frames) and `finishFrame` (detect when needed, track, rules).
import { tensorFromPackedFrame, type BoxScale, type Detection, type ObjectDetector } from '@toc/models';
import type { CameraPipeline, PipelineStep } from './camera-pipeline';

export interface FrameStepContext {
  pipeline: CameraPipeline;
  detector: ObjectDetector;
  scale: BoxScale;
  /** Queues the inference behind the other cameras of this process (DetectorPool.serialize). */
  serialize: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface PreparedFrame {
  frame: Uint8Array;
  t: number;
  /** The model input, or null when the motion gate says this frame needs no detection. */
  tensor: Float32Array | null;
}

export interface FrameStepResult {
  step: PipelineStep;
  /** Null when the motion gate skipped detection for this frame. */
  detections: Detection[] | null;
  inferenceMs: number | null;
}

export function prepareFrame(ctx: FrameStepContext, frame: Uint8Array, t: number): PreparedFrame {
  const gate = ctx.pipeline.gateFrame(frame, t);
  const tensor = !gate || gate.detect ? tensorFromPackedFrame(frame, ctx.detector.manifest) : null;
  return { frame, t, tensor };
}

export async function finishFrame(ctx: FrameStepContext, prepared: PreparedFrame): Promise<FrameStepResult> {
  let detections: Detection[] | null = null;
  let inferenceMs: number | null = null;
  if (prepared.tensor) {
    const tensor = prepared.tensor;
    const result = await ctx.serialize(() => ctx.detector.detect(tensor, ctx.scale));
    detections = result.detections;
    inferenceMs = result.inferenceMs;
  }
  return { step: ctx.pipeline.advance(detections, prepared.t), detections, inferenceMs };
}

export const stepFrame = (ctx: FrameStepContext, frame: Uint8Array, t: number): Promise<FrameStepResult> =>
  finishFrame(ctx, prepareFrame(ctx, frame, t));
