// The limit: onnxruntime inference alone on prepared tensors of the real clip, no decode, no pipeline.
import { Detector, frameGeometry, getManifest, tensorFromPackedFrame } from '@toc/models';
import { startFrameReader } from '../src/ingest/frame-reader';
import { MODEL, STREET } from './bench-media';

async function streetTensors(count: number): Promise<Float32Array[]> {
  const manifest = getManifest(MODEL);
  const geometry = frameGeometry(manifest, STREET.width, STREET.height);
  const tensors: Float32Array[] = [];
  const reader = startFrameReader({
    source: { file: STREET.file, loop: false },
    fps: 10,
    filter: geometry.filter,
    pixelFormat: geometry.pixelFormat,
    frameBytes: geometry.frameBytes,
    stallTimeoutS: 10,
    onFrame: (frame) => {
      if (tensors.length < count) tensors.push(tensorFromPackedFrame(frame, manifest));
      if (tensors.length === count) reader.stop();
    },
  });
  await reader.done;
  return tensors;
}

export async function rawInferenceFps(threads: number, runs: number): Promise<number> {
  const tensors = await streetTensors(40);
  const detector = await Detector.load(MODEL, { threads });
  const scale = { scaleX: 1, scaleY: 1 };
  for (let i = 0; i < 5; i++) await detector.detect(tensors[i % tensors.length]!, scale);
  const started = performance.now();
  for (let i = 0; i < runs; i++) await detector.detect(tensors[i % tensors.length]!, scale);
  const fps = runs / ((performance.now() - started) / 1000);
  await detector.close();
  return fps;
}
