// ffmpeg filter chains and the packed-frame → tensor conversion, on small hand-checked cases.
import { describe, expect, it } from 'vitest';
import { getManifest } from '../registry';
import { frameGeometry } from './frame-geometry';
import { tensorFromPackedFrame } from './packed-frame';
import { resizeGeometry } from './resize-geometry';

const yolox = getManifest('yolox_nano_416');
const picodet = getManifest('picodet_s_320');

describe('frameGeometry', () => {
  it('letterboxes YOLOX at the top-left with pad 114, in bgr24', () => {
    expect(frameGeometry(yolox, 640, 360)).toEqual({
      filter:
        'scale=416:234:flags=bilinear+accurate_rnd+full_chroma_int,format=bgr24,pad=416:416:0:0:color=0x727272',
      pixelFormat: 'bgr24',
      frameBytes: 416 * 416 * 3,
      width: 416,
      height: 416,
      scaleX: 640 / 416,
      scaleY: 640 / 416,
    });
  });

  it('letterboxes a portrait source along its height, rounding the other side', () => {
    const g = frameGeometry(yolox, 424, 640);
    expect(g.filter).toMatch(/^scale=276:416:/);
    expect(g.scaleX).toBe(640 / 416);
    expect(g.scaleY).toBe(640 / 416);
  });

  it('stretches PicoDet in rgb24 and scales x and y separately', () => {
    const g = frameGeometry(picodet, 768, 576);
    expect(g.filter).toBe('scale=320:320:flags=bilinear+accurate_rnd+full_chroma_int,format=rgb24');
    expect(g.pixelFormat).toBe('rgb24');
    expect(g.frameBytes).toBe(320 * 320 * 3);
    expect([g.scaleX, g.scaleY]).toEqual([768 / 320, 576 / 320]);
  });

  it('rejects a nonsense source size', () => {
    expect(() => resizeGeometry(yolox.input, 0, 360)).toThrow(/Invalid source size/);
  });
});

describe('tensorFromPackedFrame', () => {
  const tiny = (over: Partial<typeof yolox.input>) => ({
    input: { ...yolox.input, width: 2, height: 1, ...over },
  });

  it('turns packed pixels into planes, keeping the byte order the filter produced', () => {
    const frame = Uint8Array.of(1, 2, 3, 4, 5, 6);
    expect([...tensorFromPackedFrame(frame, tiny({}))]).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('applies scale, mean and std per channel', () => {
    const frame = Uint8Array.of(255, 0, 51, 0, 255, 102);
    const t = tensorFromPackedFrame(frame, tiny({ scale: 1 / 255, mean: [0.5, 0, 0.2], std: [0.5, 1, 0.1] }));
    expect([...t].map((v) => Math.round(v * 1e5) / 1e5)).toEqual([1, -1, 0, 1, 0, 2]);
  });

  it('fills a given buffer and checks sizes', () => {
    const out = new Float32Array(6);
    expect(tensorFromPackedFrame(new Uint8Array(6), tiny({}), out)).toBe(out);
    expect(() => tensorFromPackedFrame(new Uint8Array(5), tiny({}))).toThrow(/expected 6/);
    expect(() => tensorFromPackedFrame(new Uint8Array(6), tiny({}), new Float32Array(5))).toThrow(
      /expected 6/,
    );
  });
});
