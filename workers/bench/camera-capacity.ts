// How many live cameras one worker sustains at 5 detect-fps with motion gating on: N real clips read at their
// own pace (as a camera delivers them), one shared detector, latest frame wins; memory per camera includes ffmpeg.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { frameGeometry } from '@toc/models';
import { startFrameReader, type FrameReader } from '../src/ingest/frame-reader';
import { frameLayout } from '../src/pipeline/frame-layout';
import { DetectorPool } from '../src/detect/detector-pool';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import { PEDESTRIAN_SCENE, STREET_SCENE } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { prepareFrame } from '../src/pipeline/frame-step';
import { FrameDrain } from '../src/pipeline/frame-drain';
import { MODEL, PEDESTRIANS, STREET, rssMb, sleep } from './bench-media';

const DETECT_FPS = 5;

interface SimCamera {
  reader: FrameReader;
  drain: FrameDrain;
  framesIn: number;
  processed: number;
  detected: number;
}

async function childRssMb(): Promise<number> {
  const { stdout } = await promisify(execFile)('ps', ['--ppid', String(process.pid), '-o', 'rss=']).catch(
    () => ({ stdout: '' }),
  );
  return stdout.split('\n').reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) / 1024;
}

/** Collects garbage left by earlier runs (when node runs with --expose-gc) so memory deltas are the cameras'. */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await sleep(200);
}

async function startCamera(pool: DetectorPool, index: number): Promise<SimCamera> {
  const clip = index % 2 === 0 ? STREET : PEDESTRIANS;
  const detector = await pool.get(MODEL);
  const geometry = frameGeometry(detector.manifest, clip.width, clip.height);
  const scene = sceneSetupOf(index % 2 === 0 ? STREET_SCENE : PEDESTRIAN_SCENE);
  const pipeline = new CameraPipeline(frameLayout(detector, geometry, clip.width, clip.height), scene, {
    gating: true,
  });
  const context = { pipeline, detector, scale: geometry };
  const camera: SimCamera = {
    reader: null as unknown as FrameReader,
    drain: null as unknown as FrameDrain,
    framesIn: 0,
    processed: 0,
    detected: 0,
  };
  camera.drain = new FrameDrain(
    context,
    ({ detections }) => {
      camera.processed++;
      if (detections) camera.detected++;
    },
    (error) => {
      throw error;
    },
  );
  camera.reader = startFrameReader({
    source: { file: clip.file, loop: true, readRate: 1 },
    fps: DETECT_FPS,
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 30,
    onFrame: (frame) => {
      camera.framesIn++;
      camera.drain.offer(prepareFrame(context, frame, Date.now()));
    },
  });
  return camera;
}

export interface CapacityTrial {
  cameras: number;
  sustained: boolean;
  minProcessedFps: number;
  detectShare: number;
  rssMbPerCamera: number;
}

export async function capacityTrial(
  cameras: number,
  threads: number,
  seconds: number,
): Promise<CapacityTrial> {
  const pool = new DetectorPool({ modelsDir: undefined, threads, spinning: false });
  await pool.get(MODEL);
  await settle();
  const baseline = rssMb() + (await childRssMb());
  const sims: SimCamera[] = [];
  for (let i = 0; i < cameras; i++) sims.push(await startCamera(pool, i));
  await sleep(4000); // warm-up: ffmpeg start, first detections
  for (const s of sims) Object.assign(s, { framesIn: 0, processed: 0, detected: 0 });
  const skippedBefore = sims.map((s) => s.drain.skipped);
  await sleep(seconds * 1000);
  await settle();
  const memory = rssMb() + (await childRssMb());
  const rates = sims.map((s, i) => ({
    fps: s.processed / seconds,
    skipped: (s.drain.skipped - skippedBefore[i]!) / Math.max(1, s.framesIn),
    detected: s.detected,
    processed: s.processed,
  }));
  for (const s of sims) s.reader.stop();
  await Promise.all(sims.map((s) => s.reader.done));
  await Promise.all(sims.map((s) => s.drain.idle()));
  await pool.close();
  const minProcessedFps = Math.min(...rates.map((r) => r.fps));
  const processed = rates.reduce((sum, r) => sum + r.processed, 0);
  return {
    cameras,
    // Sustained: every camera keeps up with its 5 fps (within 5 %) and drops at most 5 % of its frames.
    sustained: rates.every((r) => r.fps >= DETECT_FPS * 0.95 && r.skipped <= 0.05),
    minProcessedFps,
    detectShare: processed ? rates.reduce((sum, r) => sum + r.detected, 0) / processed : 1,
    rssMbPerCamera: (memory - baseline) / cameras,
  };
}
