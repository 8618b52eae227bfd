// The filter chain from frameGeometry run through the real ffmpeg, then YOLOX-nano, against the reference.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Detector } from '../detector';
import { sharedDir } from '../shared-paths';
import { compareWithReference, readExpected, withinTolerance } from '../testing/reference.fixture';
import { frameGeometry } from './frame-geometry';
import { tensorFromPackedFrame } from './packed-frame';

const run = promisify(execFile);
const media = (file: string) => path.join(sharedDir(), 'media', file);

async function ffmpegFrame(input: string, filter: string, pixelFormat: string): Promise<Buffer> {
  const args = [
    '-v',
    'error',
    '-i',
    input,
    '-vf',
    filter,
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    '-pix_fmt',
    pixelFormat,
    '-',
  ];
  const { stdout } = await run('ffmpeg', args, { encoding: 'buffer', maxBuffer: 64 << 20 });
  return stdout;
}

describe('frameGeometry with the real ffmpeg', () => {
  let detector: Detector;
  const reference = readExpected('yolox_nano_416').odc_001!;
  beforeAll(async () => {
    detector = await Detector.load('yolox_nano_416');
  });
  afterAll(() => detector?.close());

  it.each([
    ['the JPEG of frame 1', media('odc_street_frame001.jpg'), ''],
    ['frame 1 of the H.264 clip', media('odc_street_traffic_640x360_30fps.mp4'), 'select=eq(n\\,0),'],
  ])('%s gives exactly one model input and the reference detections', async (_, input, select) => {
    const geometry = frameGeometry(detector.manifest, 640, 360);
    const frame = await ffmpegFrame(input, select + geometry.filter, geometry.pixelFormat);
    expect(frame.length).toBe(geometry.frameBytes);
    // The padding rows are exactly the pad value.
    expect(frame.subarray(300 * 416 * 3).every((v) => v === 114)).toBe(true);
    const { detections } = await detector.detect(tensorFromPackedFrame(frame, detector.manifest), geometry);
    const comparison = compareWithReference(reference, detections);
    expect(withinTolerance(comparison), JSON.stringify(comparison)).toBe(true);
  });
});
