import { describe, expect, it } from 'vitest';
import { greyThumbnail, thumbnailFactor } from './grey-thumbnail';

/** A packed HWC frame filled by `pixel(x, y)` → [byte0, byte1, byte2]. */
function packed(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Buffer {
  const frame = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) frame.set(pixel(x, y), (y * width + x) * 3);
  }
  return frame;
}

describe('greyThumbnail', () => {
  it('picks an integer factor that keeps the thumbnail at most 104 px wide', () => {
    expect(thumbnailFactor(416)).toBe(4);
    expect(thumbnailFactor(640)).toBe(7);
    expect(thumbnailFactor(64)).toBe(1);
  });

  it('averages blocks of luma in BGR order by default', () => {
    // Pure red in BGR bytes is [0, 0, 255]: luma 77/256 × 255 ≈ 77 (0.299 in fixed point).
    const red = greyThumbnail(
      packed(8, 8, () => [0, 0, 255]),
      { frameWidth: 8, contentWidth: 8, contentHeight: 8, factor: 4 },
    );
    expect(red).toMatchObject({ width: 2, height: 2, factor: 4 });
    expect([...red.data]).toEqual([77, 77, 77, 77]);
    const rgb = greyThumbnail(
      packed(8, 8, () => [0, 0, 255]),
      {
        frameWidth: 8,
        contentWidth: 8,
        contentHeight: 8,
        factor: 4,
        colorOrder: 'RGB',
      },
    );
    expect(rgb.data[0]).toBe(29);
    // Half white, half black columns inside one block → mid grey.
    const stripes = greyThumbnail(
      packed(4, 4, (x) => (x % 2 ? [255, 255, 255] : [0, 0, 0])),
      {
        frameWidth: 4,
        contentWidth: 4,
        contentHeight: 4,
        factor: 2,
      },
    );
    expect([...stripes.data]).toEqual([128, 128, 128, 128]);
  });

  it('reads only the letterbox content area and places blocks correctly', () => {
    // 16 × 12 frame, content 12 × 8 at the top-left, padding 114; one bright 4 × 4 block at (8, 4).
    const frame = packed(16, 12, (x, y) =>
      x >= 12 || y >= 8 ? [114, 114, 114] : x >= 8 && y >= 4 ? [200, 200, 200] : [10, 10, 10],
    );
    const thumb = greyThumbnail(frame, { frameWidth: 16, contentWidth: 12, contentHeight: 8, factor: 4 });
    expect(thumb).toMatchObject({ width: 3, height: 2 });
    expect([...thumb.data]).toEqual([10, 10, 10, 10, 10, 200]);
  });

  it('matches a plain block average for the unrolled and the general paths', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    const frame = packed(24, 18, () => [random(), random(), random()]);
    for (const factor of [3, 4]) {
      const thumb = greyThumbnail(frame, { frameWidth: 24, contentWidth: 24, contentHeight: 18, factor });
      for (let ty = 0; ty < thumb.height; ty++) {
        for (let tx = 0; tx < thumb.width; tx++) {
          let sum = 0;
          for (let y = ty * factor; y < (ty + 1) * factor; y++) {
            for (let x = tx * factor; x < (tx + 1) * factor; x++) {
              const p = (y * 24 + x) * 3;
              sum += 0.114 * frame[p]! + 0.587 * frame[p + 1]! + 0.299 * frame[p + 2]!;
            }
          }
          expect(Math.abs(thumb.data[ty * thumb.width + tx]! - sum / factor ** 2)).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('reuses an output buffer and rejects short frames', () => {
    const out = new Uint8Array(4);
    const frame = packed(8, 8, () => [50, 50, 50]);
    expect(
      greyThumbnail(frame, { frameWidth: 8, contentWidth: 8, contentHeight: 8, factor: 4 }, out).data,
    ).toBe(out);
    expect(() =>
      greyThumbnail(frame.subarray(0, 10), { frameWidth: 8, contentWidth: 8, contentHeight: 8 }),
    ).toThrow(RangeError);
  });
});
