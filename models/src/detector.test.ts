// The three real detectors on the reference images: still-image path and video-frame path against ../shared.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from './detector';
import { frameGeometry } from './preprocess/frame-geometry';
import { tensorFromPackedFrame } from './preprocess/packed-frame';
import { prepareImage } from './preprocess/prepare-image';
import { resizeGeometry } from './preprocess/resize-geometry';
import { listModels } from './registry';
import {
  REFERENCE_IMAGES,
  compareWithReference,
  readExpected,
  readMedia,
  withinTolerance,
  type Comparison,
} from './testing/reference.fixture';

const summary = (c: Comparison) =>
  JSON.stringify({
    missing: c.missing.map((m) => `${m.cls}@${m.score}`),
    extra: c.extra.map((e) => `${e.label}@${e.score.toFixed(3)}`),
    maxScoreDiff: c.maxScoreDiff,
  });

describe.each(listModels().map((m) => m.id))('%s on the reference images', (modelId) => {
  let detector: Detector;
  const expected = readExpected(modelId);
  beforeAll(async () => {
    detector = await Detector.load(modelId);
  });
  afterAll(() => detector?.close());

  it('has a reference for every image and only for those', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(REFERENCE_IMAGES).sort());
  });

  it.each(Object.entries(REFERENCE_IMAGES))('%s (%s)', async (key, file) => {
    const image = await prepareImage(readMedia(file), detector.manifest);
    const { detections, inferenceMs } = await detector.detect(image.tensor, image);
    const comparison = compareWithReference(expected[key]!, detections);
    expect(withinTolerance(comparison), summary(comparison)).toBe(true);
    expect(comparison.maxScoreDiff).toBeLessThan(0.05);
    expect(inferenceMs).toBeGreaterThan(0);
    for (const d of detections) expect(d.label).toBe(detector.manifest.labels[d.classId]);
  });
});

describe('video-frame path (frameGeometry + tensorFromPackedFrame)', () => {
  it('finds the reference objects in odc_street_frame001 with YOLOX-nano', async () => {
    const detector = await Detector.load('yolox_nano_416');
    try {
      const { manifest } = detector;
      // ffmpeg decodes the full frame, scales it, pads it and hands over packed bgr24: do the same with sharp.
      const { data, info } = await sharp(readMedia('odc_street_frame001.jpg'))
        .raw()
        .toBuffer({ resolveWithObject: true });
      const geometry = frameGeometry(manifest, info.width, info.height);
      const { resizedWidth, resizedHeight } = resizeGeometry(manifest.input, info.width, info.height);
      expect(geometry.filter).toContain(`scale=${resizedWidth}:${resizedHeight}:`);
      const pad = manifest.input.padValue!;
      const frame = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
        .resize(resizedWidth, resizedHeight, { fit: 'fill', kernel: 'linear' })
        .extend({
          right: geometry.width - resizedWidth,
          bottom: geometry.height - resizedHeight,
          background: { r: pad, g: pad, b: pad },
        })
        .raw()
        .toBuffer();
      for (let p = 0; p < frame.length; p += 3) [frame[p], frame[p + 2]] = [frame[p + 2]!, frame[p]!];
      expect(frame.length).toBe(geometry.frameBytes);
      const reused = new Float32Array(geometry.frameBytes);
      const tensor = tensorFromPackedFrame(frame, manifest, reused);
      expect(tensor).toBe(reused);
      const { detections } = await detector.detect(tensor, geometry);
      const comparison = compareWithReference(readExpected('yolox_nano_416').odc_001!, detections);
      expect(withinTolerance(comparison), summary(comparison)).toBe(true);
    } finally {
      await detector.close();
    }
  });
});

describe('Detector', () => {
  it('rejects a tensor of the wrong size and use after close', async () => {
    const detector = await Detector.load('picodet_s_320', { threads: 2 });
    await expect(detector.detect(new Float32Array(10), { scaleX: 1, scaleY: 1 })).rejects.toThrow(
      /3×320×320/,
    );
    await detector.close();
    await expect(detector.detect(new Float32Array(3 * 320 * 320), { scaleX: 1, scaleY: 1 })).rejects.toThrow(
      /closed/,
    );
  });

  it('names the known models for an unknown id', async () => {
    await expect(Detector.load('yolo_v99')).rejects.toThrow(/yolox_nano_416/);
  });
});
