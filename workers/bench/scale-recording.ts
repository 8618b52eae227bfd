// The scale benchmark's recorded detections: each real clip run once through the real detector at the detect rate
// (every frame, so the camera's live motion gate can pick), cached by model, clip and rate as JSON plus raw frames.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Detection, ObjectDetector } from '@toc/models';
import { REPO_ROOT } from '@toc/server/config';
import type { CameraSceneInput } from '@toc/server/schemas';
import { DetectorPool } from '../src/detect/detector-pool';
import { runClip } from '../src/pipeline/clip-runner';
import type { FrameLayout } from '../src/pipeline/frame-layout';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { MODEL } from './bench-media';

/** Bumped when what is recorded changes, so an old cache is not read as a new one. */
const FORMAT = 'scale-replay-1';

export interface RecordedFrame {
  detections: Detection[];
  inferenceMs: number;
}

/** What the JSON holds; the frames themselves sit in `framesFile`, `frameBytes` each, in order. */
export interface ReplayClipFile {
  format: string;
  clip: string;
  model: string;
  fps: number;
  layout: FrameLayout;
  frameBytes: number;
  framesFile: string;
  frames: RecordedFrame[];
}

/** A recorded clip loaded for replay: the packed frames (views into one buffer) beside their detections. */
export interface ReplayClip extends ReplayClipFile {
  pictures: Uint8Array[];
}

export const replayDir = () =>
  path.join(process.env.TOC_DATA_DIR ?? path.join(REPO_ROOT, '.data-bench'), 'scale-replay');

async function cacheKey(clipFile: string, detector: ObjectDetector, fps: number): Promise<string> {
  const clip = createHash('sha256')
    .update(await readFile(clipFile))
    .digest('hex');
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, detector.manifest.id, detector.manifest.sha256, clip, fps]))
    .digest('hex')
    .slice(0, 16);
}

/** Times each inference: the clip runner calls the detector once per frame, in frame order. */
function timedDetector(detector: ObjectDetector, times: number[]): ObjectDetector {
  return {
    manifest: detector.manifest,
    close: () => detector.close(),
    async detect(tensor, scale) {
      const result = await detector.detect(tensor, scale);
      times.push(result.inferenceMs);
      return result;
    },
  };
}

async function recordClip(
  clipFile: string,
  scene: CameraSceneInput,
  detector: ObjectDetector,
  fps: number,
  jsonFile: string,
): Promise<void> {
  const framesFile = jsonFile.replace(/\.json$/, '.frames');
  const partial = `${framesFile}.partial`;
  const out = await open(partial, 'w');
  const times: number[] = [];
  const frames: RecordedFrame[] = [];
  let frameBytes = 0;
  try {
    const summary = await runClip({
      file: clipFile,
      detector: timedDetector(detector, times),
      scene: sceneSetupOf(scene),
      fps,
      gating: false,
      onFrame: async ({ frame, detections }) => {
        frameBytes = frame.length;
        frames.push({ detections: detections ?? [], inferenceMs: times[frames.length] ?? 0 });
        await out.write(frame);
      },
    });
    await out.close();
    await rename(partial, framesFile);
    const file: ReplayClipFile = {
      format: FORMAT,
      clip: path.basename(clipFile),
      model: detector.manifest.id,
      fps,
      layout: summary.pipeline.layout,
      frameBytes,
      framesFile: path.basename(framesFile),
      frames,
    };
    await writeFile(jsonFile, JSON.stringify(file));
  } finally {
    await out.close().catch(() => undefined);
  }
}

/**
 * The cached recording of each clip, made now with the real detector when missing. Returns the JSON paths, in the
 * order of `clips`.
 */
export async function ensureRecordings(
  clips: readonly { file: string; scene: CameraSceneInput }[],
  fps: number,
  say: (line: string) => void,
): Promise<string[]> {
  const dir = replayDir();
  await mkdir(dir, { recursive: true });
  const pool = new DetectorPool({ modelsDir: process.env.MODELS_DIR, threads: 1 });
  try {
    const detector = await pool.get(MODEL);
    const paths: string[] = [];
    for (const clip of clips) {
      const jsonFile = path.join(dir, `${await cacheKey(clip.file, detector, fps)}.json`);
      const cached = await readFile(jsonFile, 'utf8').catch(() => null);
      if (!cached) {
        say(`recording ${path.basename(clip.file)} once through ${MODEL} at ${fps} fps (cached in ${dir})…`);
        await recordClip(clip.file, clip.scene, detector, fps, jsonFile);
      }
      paths.push(jsonFile);
    }
    return paths;
  } finally {
    await pool.close();
  }
}

export async function loadReplayClip(jsonFile: string): Promise<ReplayClip> {
  const file = JSON.parse(await readFile(jsonFile, 'utf8')) as ReplayClipFile;
  if (file.format !== FORMAT) throw new Error(`${jsonFile} is not a ${FORMAT} recording`);
  const bytes = await readFile(path.join(path.dirname(jsonFile), file.framesFile));
  const pictures = file.frames.map(
    (_, i) => new Uint8Array(bytes.buffer, bytes.byteOffset + i * file.frameBytes, file.frameBytes),
  );
  if (bytes.length !== file.frames.length * file.frameBytes)
    throw new Error(`${file.framesFile} holds ${bytes.length} bytes, not ${file.frames.length} frames`);
  return { ...file, pictures };
}
