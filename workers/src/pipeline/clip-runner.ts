// Runs a video file through the same pipeline as a camera, on the clip's own clock (evaluation, benchmarks, tests).
import type { Detection, ObjectDetector } from '@toc/models';
import { startFrameReader } from '../ingest/frame-reader';
import { probeFile } from '../ingest/probe-file';
import { cameraGeometry, frameLayout, tilesOf } from './frame-layout';
import type { Tiling } from '@toc/server/schemas';
import type { RuleEngineOptionsInput } from '../rules/rule-engine';
import { CameraPipeline, type PipelineStep, type SceneSetup } from './camera-pipeline';
import { stepFrame } from './frame-step';

export interface ClipFrame {
  index: number;
  /** Milliseconds of clip time since `startMs`. */
  t: number;
  frame: Buffer;
  detections: Detection[] | null;
  step: PipelineStep;
}

export interface ClipRunOptions {
  file: string;
  detector: ObjectDetector;
  scene: SceneSetup;
  /** Frames per second taken from the clip (the camera's detect rate). */
  fps: number;
  gating: boolean;
  /** Detect on a grid of tiles (as a camera with `tiling` set). */
  tiling?: Tiling;
  /** ffmpeg filter applied to the picture before the camera's framing, e.g. `hflip` for another view of the clip. */
  viewFilter?: string;
  rules?: RuleEngineOptionsInput;
  /**
   * Frames a camera would not get to (a worker that falls behind drops them): skipped before detection while the
   * clip's clock goes on, so the rules see the gaps an overloaded worker gives them.
   */
  skipFrame?: (index: number) => boolean;
  /** Stop after this many frames (default: the whole clip once). */
  maxFrames?: number;
  startMs?: number;
  onFrame?: (frame: ClipFrame) => void | Promise<void>;
}

export interface ClipRunSummary {
  frames: number;
  detected: number;
  gated: number;
  width: number;
  height: number;
  pipeline: CameraPipeline;
}

/** Decoded frames waiting for the detector; ffmpeg is paused beyond this (≈ 0.5 MB each). */
const MAX_QUEUED = 16;

/** Frames are processed strictly in order (none dropped), so results do not depend on machine speed. */
export async function runClip(options: ClipRunOptions): Promise<ClipRunSummary> {
  const info = await probeFile(options.file);
  const geometry = cameraGeometry(options.detector, options.tiling ?? 'none', info.width, info.height);
  const tiles = tilesOf(geometry);
  const pipeline = new CameraPipeline(
    frameLayout(options.detector, geometry, info.width, info.height),
    options.scene,
    {
      gating: options.gating,
      ...(options.rules ? { rules: options.rules } : {}),
    },
  );
  const queue: Buffer[] = [];
  let wake: (() => void) | null = null;
  let ended = false;
  const reader = startFrameReader({
    source: { file: options.file, loop: false },
    fps: options.fps,
    filter: options.viewFilter ? `${options.viewFilter},${geometry.filter}` : geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 30,
    onFrame: (frame) => {
      queue.push(frame);
      if (queue.length >= MAX_QUEUED) reader.pause();
      wake?.();
    },
  });
  void reader.done.then(() => {
    ended = true;
    wake?.();
  });
  const summary: ClipRunSummary = {
    frames: 0,
    detected: 0,
    gated: 0,
    width: info.width,
    height: info.height,
    pipeline,
  };
  const startMs = options.startMs ?? Date.parse('2026-01-01T00:00:00Z');
  for (;;) {
    if (queue.length === 0) {
      if (ended) break;
      await new Promise<void>((resolve) => (wake = resolve));
      continue;
    }
    const frame = queue.shift()!;
    if (queue.length < MAX_QUEUED / 2) reader.resume();
    const index = summary.frames++;
    const t = startMs + (index * 1000) / options.fps;
    if (options.skipFrame?.(index)) continue;
    const { step, detections } = await stepFrame(
      { pipeline, detector: options.detector, scale: geometry, ...tiles },
      frame,
      t,
    );
    if (detections) summary.detected++;
    else summary.gated++;
    await options.onFrame?.({ index, t, frame, detections, step });
    if (options.maxFrames && summary.frames >= options.maxFrames) {
      reader.stop();
      break;
    }
  }
  await reader.done;
  return summary;
}
