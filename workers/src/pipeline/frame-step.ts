// One frame through the pipeline, in three parts so that a camera can keep the detector busy:
// `prepareFrame` (gate and tensor, as the frame arrives), `detectFrame` (sent to the detector thread, which
// answers requests in arrival order) and `advanceFrame` (track, place, rules; run while the next frame is
// being detected).
import {
  mergeTileDetections,
  tensorFromPackedFrame,
  tensorFromPackedRegion,
  type BoxScale,
  type Detection,
  type ObjectDetector,
} from '@toc/models';
import type { CameraPipeline, PipelineStep } from './camera-pipeline';

export interface FrameStepContext {
  pipeline: CameraPipeline;
  detector: ObjectDetector;
  scale: BoxScale;
  /** Tile corners when the camera is tiled (the frame is then a canvas of tiles); absent for one whole frame. */
  tiles?: readonly { x: number; y: number }[];
}

export interface PreparedFrame {
  frame: Uint8Array;
  t: number;
  /** The model input per tile (one for an untiled frame), or null when the motion gate says no detection. */
  tensors: Float32Array[] | null;
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

function tensorsOf(ctx: FrameStepContext, frame: Uint8Array): Float32Array[] {
  const { manifest } = ctx.detector;
  if (!ctx.tiles) return [tensorFromPackedFrame(frame, manifest)];
  const width = ctx.pipeline.layout.frameWidth;
  return ctx.tiles.map(({ x, y }) => tensorFromPackedRegion(frame, width, x, y, manifest));
}

export function prepareFrame(ctx: FrameStepContext, frame: Uint8Array, t: number): PreparedFrame {
  const gate = ctx.pipeline.gateFrame(frame, t);
  return { frame, t, tensors: !gate || gate.detect ? tensorsOf(ctx, frame) : null };
}

export async function detectFrame(ctx: FrameStepContext, prepared: PreparedFrame): Promise<DetectedFrame> {
  const { tensors } = prepared;
  if (!tensors) return { prepared, detections: null, inferenceMs: null };
  if (!ctx.tiles) {
    const result = await ctx.detector.detect(tensors[0]!, ctx.scale);
    return { prepared, detections: result.detections, inferenceMs: result.inferenceMs };
  }
  const tiles = ctx.tiles;
  const results = await Promise.all(tensors.map((tensor) => ctx.detector.detect(tensor, { scaleX: 1, scaleY: 1 })));
  return {
    prepared,
    detections: mergeTileDetections(results.map((r, i) => ({ ...tiles[i]!, detections: r.detections })), ctx.scale),
    inferenceMs: results.reduce((sum, r) => sum + r.inferenceMs, 0),
  };
}

/** Frames must be advanced in the order they arrived. */
export function advanceFrame(ctx: FrameStepContext, detected: DetectedFrame): FrameStepResult {
  return { ...detected, step: ctx.pipeline.advance(detected.detections, detected.prepared.t) };
}

export const stepFrame = async (ctx: FrameStepContext, frame: Uint8Array, t: number): Promise<FrameStepResult> =>
  advanceFrame(ctx, await detectFrame(ctx, prepareFrame(ctx, frame, t)));
