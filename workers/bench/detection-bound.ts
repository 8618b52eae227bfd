// The whole camera path when detection is the bottleneck: ffmpeg decode + resize → gate off → detect → track → rules,
// latest frame wins while inference runs (as in a live camera), on the looped street clip; each frame is gated and
// turned into a tensor as it arrives, overlapping the inference of the previous one.
import { DetectorThread, frameGeometry } from '@toc/models';
import { startFrameReader } from '../src/ingest/frame-reader';
import { frameLayout } from '../src/pipeline/frame-layout';
import { CameraPipeline } from '../src/pipeline/camera-pipeline';
import { STREET_SCENE } from '@toc/server/db/demo-scenes';
import { sceneSetupOf } from '../src/pipeline/scene-setup';
import { prepareFrame, type PreparedFrame } from '../src/pipeline/frame-step';
import { FrameDrain } from '../src/pipeline/frame-drain';
import { MODEL, STREET, percentile, sleep } from './bench-media';

export async function detectionBound(threads: number, seconds: number) {
  // The production path: inference in its own thread (as DetectorPool runs it), frames handled on the main thread.
  const detector = await DetectorThread.load(MODEL, { threads });
  const geometry = frameGeometry(detector.manifest, STREET.width, STREET.height);
  const pipeline = new CameraPipeline(
    frameLayout(detector, geometry, STREET.width, STREET.height),
    sceneSetupOf(STREET_SCENE),
    { gating: false },
  );
  const context = { pipeline, detector, scale: geometry };
  const latencies: number[] = [];
  const arrivals = new Map<PreparedFrame, number>();
  let processed = 0;
  const drain = new FrameDrain(
    context,
    (result) => {
      latencies.push(performance.now() - arrivals.get(result.prepared)!);
      arrivals.delete(result.prepared);
      processed++;
    },
    (error) => {
      throw error;
    },
  );
  const reader = startFrameReader({
    // Twice the clip's pace (60 fps) is more than the detector takes, without ffmpeg eating a core decoding flat out.
    source: { file: STREET.file, loop: true, readRate: 2 },
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 10,
    onFrame: (frame) => {
      const arrived = performance.now();
      const prepared = prepareFrame(context, frame, Date.now());
      arrivals.set(prepared, arrived);
      drain.offer(prepared);
    },
  });
  await sleep(1000); // warm-up
  processed = 0;
  latencies.length = 0;
  const started = performance.now();
  await sleep(seconds * 1000);
  const counted = processed;
  const elapsed = (performance.now() - started) / 1000;
  reader.stop();
  await reader.done;
  await drain.idle();
  await detector.close();
  return {
    fps: counted / elapsed,
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
  };
}
