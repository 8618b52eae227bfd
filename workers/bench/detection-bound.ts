// The whole camera path when detection is the bottleneck: ffmpeg decode + resize → gate off → detect → track → rules,
// latest frame wins while inference runs (as in a live camera), on the looped street clip.
import { Detector, frameGeometry } from '@toc/models';
import { startFrameReader } from '../src/ingest/frame-reader';
import { frameLayout } from '../src/camera/camera-runner';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import { STREET_SCENE, sceneSetupOf } from '../src/pipeline/demo-scenes';
import { stepFrame } from '../src/pipeline/frame-step';
import { MODEL, STREET, percentile } from './bench-media';

export async function detectionBound(threads: number, seconds: number) {
  const detector = await Detector.load(MODEL, { threads });
  const geometry = frameGeometry(detector.manifest, STREET.width, STREET.height);
  const pipeline = new CameraPipeline(frameLayout(detector, geometry, STREET.width, STREET.height), sceneSetupOf(STREET_SCENE), { gating: false });
  let pending: { frame: Buffer; arrived: number } | null = null;
  let wake: (() => void) | null = null;
  const latencies: number[] = [];
  let processed = 0;
  const reader = startFrameReader({
    source: { file: STREET.file, loop: true },
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 10,
    onFrame: (frame) => {
      pending = { frame, arrived: performance.now() };
      wake?.();
    },
  });
  const serialize = <T>(work: () => Promise<T>) => work();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    if (!pending) await new Promise<void>((resolve) => (wake = resolve));
    const current = pending as { frame: Buffer; arrived: number } | null;
    pending = null;
    if (!current) continue;
    await stepFrame({ pipeline, detector, scale: geometry, serialize }, current.frame, Date.now());
    latencies.push(performance.now() - current.arrived);
    processed++;
  }
  const elapsed = (performance.now() - started) / 1000;
  reader.stop();
  await reader.done;
  await detector.close();
  return { fps: processed / elapsed, latencyP50: percentile(latencies, 50), latencyP95: percentile(latencies, 95) };
}
