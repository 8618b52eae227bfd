// One frame through the pipeline, in three parts so that a camera can keep the detector busy:
// `prepareFrame` (the motion gate, on every frame as it arrives), `detectFrame` (builds the model input and sends
// it to the detector thread, which answers in arrival order) and `advanceFrame` (track, place, rules).
import {
  mergeTileDetections,
  tensorFromPackedFrame,
  tensorFromPackedOverview,
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
  tiles?: readonly { x: number; y: number; width?: number; height?: number }[];
  /** With tiles: also detect on the whole picture, which keeps the near objects that the tiles cut. */
  overview?: boolean;
}

export interface PreparedFrame {
  frame: Uint8Array;
  t: number;
  /** False when the motion gate says this frame needs no detection. */
  detect: boolean;
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

/** Every frame must pass here, in order, even one that is dropped later: the gate learns the background from it. */
export function prepareFrame(ctx: FrameStepContext, frame: Uint8Array, t: number): PreparedFrame {
  const gate = ctx.pipeline.gateFrame(frame, t);
  return { frame, t, detect: !gate || gate.detect };
}

function tileTensors(ctx: FrameStepContext, tiles: NonNullable<FrameStepContext['tiles']>, frame: Uint8Array): Float32Array[] {
  const width = ctx.pipeline.layout.frameWidth;
  return tiles.map(({ x, y }) => tensorFromPackedRegion(frame, width, x, y, ctx.detector.manifest));
}

async function detectOverview(ctx: FrameStepContext, frame: Uint8Array) {
  const { frameWidth, contentWidth, contentHeight } = ctx.pipeline.layout;
  const overview = tensorFromPackedOverview(frame, frameWidth, contentWidth, contentHeight, ctx.detector.manifest);
  return ctx.detector.detect(overview.tensor, overview.scale);
}

export async function detectFrame(ctx: FrameStepContext, prepared: PreparedFrame): Promise<DetectedFrame> {
  if (!prepared.detect) return { prepared, detections: null, inferenceMs: null };
  if (!ctx.tiles) {
    const result = await ctx.detector.detect(tensorFromPackedFrame(prepared.frame, ctx.detector.manifest), ctx.scale);
    return { prepared, detections: result.detections, inferenceMs: result.inferenceMs };
  }
  const tiles = ctx.tiles;
  const [overview, results] = await Promise.all([
    ctx.overview ? detectOverview(ctx, prepared.frame) : null,
    Promise.all(
      tileTensors(ctx, tiles, prepared.frame).map((tensor) => ctx.detector.detect(tensor, { scaleX: 1, scaleY: 1 })),
    ),
  ]);
  return {
    prepared,
    detections: mergeTileDetections(
      results.map((r, i) => ({ ...tiles[i]!, detections: r.detections })),
      ctx.scale,
      overview?.detections,
    ),
    inferenceMs: results.reduce((sum, r) => sum + r.inferenceMs, overview?.inferenceMs ?? 0),
  };
}

/** Frames must be advanced in the order they arrived. */
export function advanceFrame(ctx: FrameStepContext, detected: DetectedFrame): FrameStepResult {
  return { ...detected, step: ctx.pipeline.advance(detected.detections, detected.prepared.t) };
}

export const stepFrame = async (
  ctx: FrameStepContext,
  frame: Uint8Array,
  t: number,
): Promise<FrameStepResult> => advanceFrame(ctx, await detectFrame(ctx, prepareFrame(ctx, frame, t)));
