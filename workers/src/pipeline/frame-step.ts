// One frame through the pipeline: gate, detect when the gate asks (serialised with the other cameras), track, rules.
import { tensorFromPackedFrame, type BoxScale, type Detection, type Detector } from '@toc/models';
import type { CameraPipeline, PipelineStep } from './camera-pipeline';

export interface FrameStepContext {
  pipeline: CameraPipeline;
  detector: Detector;
  scale: BoxScale;
  /** Queues the inference behind the other cameras of this process (DetectorPool.serialize). */
  serialize: <T>(work: () => Promise<T>) => Promise<T>;
}

export interface FrameStepResult {
  step: PipelineStep;
  /** Null when the motion gate skipped detection for this frame. */
  detections: Detection[] | null;
  inferenceMs: number | null;
}

export async function stepFrame(ctx: FrameStepContext, frame: Uint8Array, t: number): Promise<FrameStepResult> {
  const gate = ctx.pipeline.gateFrame(frame, t);
  let detections: Detection[] | null = null;
  let inferenceMs: number | null = null;
  if (!gate || gate.detect) {
    const result = await ctx.serialize(() => ctx.detector.detect(tensorFromPackedFrame(frame, ctx.detector.manifest), ctx.scale));
    detections = result.detections;
    inferenceMs = result.inferenceMs;
  }
  return { step: ctx.pipeline.advance(detections, t), detections, inferenceMs };
}
