// The whole camera path when detection is the bottleneck: ffmpeg decode + resize → gate off → detect → track → rules,
// latest frame wins while inference runs (as in a live camera), on the looped street clip; each frame is gated and
// turned into a tensor as it arrives, overlapping the inference of the previous one.
import { DetectorThread, frameGeometry } from '@toc/models';
import { startFrameReader } from '../src/ingest/frame-reader';
import { frameLayout } from '../src/camera/camera-runner';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import { STREET_SCENE } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { finishFrame, prepareFrame, type PreparedFrame } from '../src/pipeline/frame-step';
import { MODEL, STREET, percentile } from './bench-media';

export async function detectionBound(threads: number, seconds: number) {
  // The production path: inference in its own thread (as DetectorPool runs it), frames handled on the main thread.
  const detector = await DetectorThread.load(MODEL, { threads });
  const geometry = frameGeometry(detector.manifest, STREET.width, STREET.height);
  const pipeline = new CameraPipeline(frameLayout(detector, geometry, STREET.width, STREET.height), sceneSetupOf(STREET_SCENE), { gating: false });
  const context = { pipeline, detector, scale: geometry, serialize: <T>(work: () => Promise<T>) => work() };
  let pending: { prepared: PreparedFrame; arrived: number } | null = null;
  let wake: (() => void) | null = null;
  const latencies: number[] = [];
  let processed = 0;
  const reader = startFrameReader({
    // Twice the clip's pace (60 fps) is more than the detector takes, without ffmpeg eating a core decoding flat out.
    source: { file: STREET.file, loop: true, readRate: 2 },
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 10,
    onFrame: (frame) => {
      const arrived = performance.now();
      pending = { prepared: prepareFrame(context, frame, Date.now()), arrived };
      wake?.();
    },
  });
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    if (!pending) await new Promise<void>((resolve) => (wake = resolve));
    const current = pending as { prepared: PreparedFrame; arrived: number } | null;
    pending = null;
    if (!current) continue;
    await finishFrame(context, current.prepared);
    latencies.push(performance.now() - current.arrived);
    processed++;
  }
  const elapsed = (performance.now() - started) / 1000;
  reader.stop();
  await reader.done;
  await detector.close();
  return { fps: processed / elapsed, latencyP50: percentile(latencies, 50), latencyP95: percentile(latencies, 95) };
}
