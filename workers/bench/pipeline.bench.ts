// `npm run bench:pipeline`: raw YOLOX-nano inference rate (1 and 2 threads) against the end-to-end
// ffmpeg → frame → tensor → detector → vehicle count rate on the real street clip, with their ratio.
import path from 'node:path';
import { Detector, frameGeometry, getManifest, sharedDir, tensorFromPackedFrame, type FrameGeometry } from '@toc/models';
import { startFrameReader } from '../src/ingest/frame-reader';
import { addFrame, newVehicleCount } from '../src/rules/vehicle-count';

const MODEL = 'yolox_nano_416';
const CLIP = path.join(sharedDir(), 'media', 'odc_street_traffic_640x360_30fps.mp4');
const CLIP_SIZE = { width: 640, height: 360 };
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 80);
const E2E_SECONDS = Number(process.env.BENCH_E2E_SECONDS ?? 15);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function collectFrames(geometry: FrameGeometry, count: number): Promise<Buffer[]> {
  const frames: Buffer[] = [];
  const reader = startFrameReader({
    source: { file: CLIP, loop: false },
    fps: 10,
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 10,
    onFrame: (frame) => {
      if (frames.length < count) frames.push(frame);
      if (frames.length === count) reader.stop();
    },
  });
  await reader.done;
  return frames;
}

async function rawFps(threads: number, tensors: Float32Array[], geometry: FrameGeometry): Promise<number> {
  const detector = await Detector.load(MODEL, { threads });
  for (let i = 0; i < 5; i++) await detector.detect(tensors[i % tensors.length]!, geometry);
  const started = performance.now();
  for (let i = 0; i < RAW_RUNS; i++) await detector.detect(tensors[i % tensors.length]!, geometry);
  const fps = RAW_RUNS / ((performance.now() - started) / 1000);
  await detector.close();
  return fps;
}

/** The camera path without the network: decode as fast as possible, latest frame wins while inference runs. */
async function endToEnd(threads: number, geometry: FrameGeometry) {
  const detector = await Detector.load(MODEL, { threads });
  let pending: { frame: Buffer; arrived: number } | null = null;
  let wake: (() => void) | null = null;
  const latencies: number[] = [];
  let detected = 0;
  let vehicles = newVehicleCount(new Date());
  const reader = startFrameReader({
    source: { file: CLIP, loop: true },
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 10,
    onFrame: (frame) => {
      pending = { frame, arrived: performance.now() };
      wake?.();
    },
  });
  const started = performance.now();
  const deadline = started + E2E_SECONDS * 1000;
  while (performance.now() < deadline) {
    if (!pending) await new Promise<void>((resolve) => (wake = resolve));
    const current = pending as { frame: Buffer; arrived: number } | null;
    pending = null;
    if (!current) continue;
    const { detections } = await detector.detect(tensorFromPackedFrame(current.frame, detector.manifest), geometry);
    vehicles = addFrame(vehicles, detections);
    latencies.push(performance.now() - current.arrived);
    detected++;
  }
  const seconds = (performance.now() - started) / 1000;
  reader.stop();
  await reader.done;
  await detector.close();
  return { fps: detected / seconds, latencyP95: percentile(latencies, 95), peakVehicles: vehicles.peakTotal };
}

const manifest = getManifest(MODEL);
const geometry = frameGeometry(manifest, CLIP_SIZE.width, CLIP_SIZE.height);
const frames = await collectFrames(geometry, 40);
const tensors = frames.map((f) => tensorFromPackedFrame(f, manifest));

const raw1 = await rawFps(1, tensors, geometry);
const raw2 = await rawFps(2, tensors, geometry);
console.log(`raw ONNX ${MODEL}: ${raw1.toFixed(1)} frames/s (1 thread), ${raw2.toFixed(1)} frames/s (2 threads)`);
const e2e1 = await endToEnd(1, geometry);
const e2e2 = await endToEnd(2, geometry);
console.log(
  `end-to-end (ffmpeg decode + resize + tensor + detect + count, ${E2E_SECONDS} s): ` +
    `${e2e1.fps.toFixed(1)} frames/s at 1 thread (ratio ${(e2e1.fps / raw1).toFixed(2)}), ` +
    `${e2e2.fps.toFixed(1)} frames/s at 2 threads (ratio ${(e2e2.fps / raw2).toFixed(2)}); peak vehicles in a frame ${e2e1.peakVehicles}`,
);
console.log(`frame → detections latency p95: ${e2e1.latencyP95.toFixed(1)} ms (1 thread)`);
const best = e2e2.fps / raw2 > e2e1.fps / raw1 && e2e2.fps > e2e1.fps ? { e2e: e2e2, raw: raw2 } : { e2e: e2e1, raw: raw1 };
console.log(
  `BENCH pipeline raw_fps=${best.raw.toFixed(1)} e2e_fps=${best.e2e.fps.toFixed(1)} ratio=${(best.e2e.fps / best.raw).toFixed(2)} ` +
    `cameras_5fps=0 rss_mb_per_camera=0 latency_p95_ms=${best.e2e.latencyP95.toFixed(1)}`,
);
process.exit(0);
