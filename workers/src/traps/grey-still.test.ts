import { describe, expect, it } from 'vitest';
import { isGreyStill } from './grey-still';

/** A still of `pixels` pixels, each channel from `colour(i)`. */
const still = (pixels: number, colour: (i: number) => [number, number, number]) =>
  Uint8Array.from({ length: pixels * 3 }, (_, k) => colour(Math.floor(k / 3))[k % 3]!);

describe('isGreyStill', () => {
  it('is true for equal channels and for JPEG noise or a slight tint within the tolerance', () => {
    expect(
      isGreyStill(
        still(1000, (i) => [i % 256, i % 256, i % 256]),
        4,
      ),
    ).toBe(true);
    expect(
      isGreyStill(
        still(1000, (i) => [(i % 200) + 3, i % 200, (i % 200) + 1]),
        4,
      ),
    ).toBe(true);
  });

  it('is false for a colour still, an empty one, and beyond the tolerance', () => {
    expect(
      isGreyStill(
        still(1000, (i) => [120, 90 + (i % 20), 60]),
        4,
      ),
    ).toBe(false);
    expect(isGreyStill(new Uint8Array(0), 4)).toBe(false);
    expect(
      isGreyStill(
        still(1000, () => [110, 100, 100]),
        4,
      ),
    ).toBe(false);
  });

  it('samples a large still instead of reading every pixel, and still decides right', () => {
    const large = still(2_000_000, (i) => (i % 2 ? [40, 200, 40] : [128, 128, 128]));
    expect(isGreyStill(large, 4)).toBe(false);
  });
});
