// One frame through the pipeline, in three parts so that a camera can keep the detector busy:
// `prepareFrame` (gate and tensor, as the frame arrives), `detectFrame` (sent to the detector thread, which
// answers requests in arrival order) and `advanceFrame` (track, place, rules; run while the next frame is
// being detected).
import { tensorFromPackedFrame, type BoxScale, type Detection, type ObjectDetector } from '@toc/models';
import type { CameraPipeline, PipelineStep } from './camera-pipeline';

export interface FrameStepContext {
  pipeline: CameraPipeline;
  detector: ObjectDetector;
  scale: BoxScale;
}

export interface PreparedFrame {
  frame: Uint8Array;
  t: number;
  /** The model input, or null when the motion gate says this frame needs no detection. */
  tensor: Float32Array | null;
}

export interface DetectedFrame {
  prepared: PreparedFrame;
  /** Null when the motion gate skipped detection for this frame. */
  detections: Detection[] | null;
  inferenceMs: number | null;
}

export interface FrameStepResult extends DetectedFrame {
  step: PipelineStep;
}

export function prepareFrame(ctx: FrameStepContext, frame: Uint8Array, t: number): PreparedFrame {
  const gate = ctx.pipeline.gateFrame(frame, t);
  const tensor = !gate || gate.detect ? tensorFromPackedFrame(frame, ctx.detector.manifest) : null;
  return { frame, t, tensor };
}

export async function detectFrame(ctx: FrameStepContext, prepared: PreparedFrame): Promise<DetectedFrame> {
  if (!prepared.tensor) return { prepared, detections: null, inferenceMs: null };
  const result = await ctx.detector.detect(prepared.tensor, ctx.scale);
  return { prepared, detections: result.detections, inferenceMs: result.inferenceMs };
}

/** Frames must be advanced in the order they arrived. */
export function advanceFrame(ctx: FrameStepContext, detected: DetectedFrame): FrameStepResult {
  return { ...detected, step: ctx.pipeline.advance(detected.detections, detected.prepared.t) };
}

export const stepFrame = async (ctx: FrameStepContext, frame: Uint8Array, t: number): Promise<FrameStepResult> =>
  advanceFrame(ctx, await detectFrame(ctx, prepareFrame(ctx, frame, t)));
