import { describe, expect, it } from 'vitest';
import { getManifest } from '../registry';
import { tensorFromPackedOverview } from './packed-overview';

const yolox = getManifest('yolox_nano_416'); // BGR, letterbox top-left, pad 114, scale 1
const picodet = getManifest('picodet_s_320'); // RGB, stretch, mean/std

/** A canvas `width` wide with the picture's top-left `content` filled with `fill(x, y)` and the rest 114. */
function canvas(width: number, height: number, content: [number, number], fill: (x: number, y: number) => number) {
  const frame = new Uint8Array(width * height * 3).fill(114);
  for (let y = 0; y < content[1]; y++)
    for (let x = 0; x < content[0]; x++) frame.fill(fill(x, y), (y * width + x) * 3, (y * width + x) * 3 + 3);
  return frame;
}

describe('overview of a tiled canvas', () => {
  it('shrinks the picture into the letterboxed input, pads the rest, and gives the factor back to canvas pixels', () => {
    // 2 × 2 tiles of a 1280 × 720 camera: the picture is 790 × 444 of a 790 × 790 canvas.
    const frame = canvas(790, 790, [790, 444], (x) => (x < 395 ? 0 : 200));
    const { tensor, scale } = tensorFromPackedOverview(frame, 790, 790, 444, yolox);
    expect(scale.scaleX).toBeCloseTo(790 / 416);
    expect(scale.scaleY).toBeCloseTo(790 / 416);
    const at = (x: number, y: number) => tensor[y * 416 + x];
    expect(at(10, 10)).toBe(0);
    expect(at(400, 200)).toBe(200);
    // Below the picture (416 × 234 of the input) is padding.
    expect(at(10, 300)).toBe(114);
    expect(tensor[2 * 416 * 416 + 300 * 416 + 10]).toBe(114);
  });

  it('averages the pixels each input pixel covers, not one sample of them', () => {
    // A fine checkerboard of 0 and 200 averages to grey; sampling would give all 0 or all 200.
    const frame = canvas(832, 832, [832, 832], (x, y) => ((x + y) % 2 ? 200 : 0));
    const { tensor } = tensorFromPackedOverview(frame, 832, 832, 832, yolox);
    expect(tensor[100 * 416 + 100]).toBe(100);
  });

  it('applies the model normalisation and its own resize mode', () => {
    const frame = canvas(640, 480, [600, 400], () => 255);
    const { tensor, scale } = tensorFromPackedOverview(frame, 640, 600, 400, picodet);
    // Stretch: the picture fills the whole input, each axis with its own factor.
    expect(scale).toEqual({ scaleX: 600 / 320, scaleY: 400 / 320 });
    expect(tensor[319 * 320 + 319]).toBeCloseTo((1 - 0.485) / 0.229, 4);
  });

  it('rejects a picture larger than the frame', () => {
    expect(() => tensorFromPackedOverview(new Uint8Array(100 * 100 * 3), 100, 120, 80, yolox)).toThrow(/does not fit/);
  });
});
