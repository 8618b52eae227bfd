import { describe, expect, it } from 'vitest';
import { arrowHead, centroid, directionArrow, forwardNormal, nearOnScreen, toFraction, toPixel } from './geometry';

const size = { width: 640, height: 360 };

describe('camera picture geometry', () => {
  it('turns screen pixels into image fractions and back, kept inside the picture', () => {
    expect(toFraction(320, 90, size)).toEqual([0.5, 0.25]);
    expect(toPixel([0.5, 0.25], size)).toEqual([320, 90]);
    expect(toFraction(-10, 400, size)).toEqual([0, 1]);
    expect(toFraction(5, 5, { width: 0, height: 0 })).toEqual([0, 0]);
  });

  it('measures closeness in screen pixels, so closing a polygon is as easy on a wide picture as a tall one', () => {
    expect(nearOnScreen([0.5, 0.5], [0.51, 0.5], size, 8)).toBe(true); // 6.4 px
    expect(nearOnScreen([0.5, 0.5], [0.5, 0.53], size, 8)).toBe(false); // 10.8 px
  });

  it('finds the area centre of a polygon, and the mean of points without area', () => {
    expect(centroid([[0, 0], [1, 0], [1, 1], [0, 1]])).toEqual([0.5, 0.5]);
    // An L-shape's centre is not the mean of its corners.
    const [x, y] = centroid([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]);
    expect(x).toBeCloseTo(5 / 6);
    expect(y).toBeCloseTo(5 / 6);
    expect(centroid([[0, 0], [1, 1], [2, 2]])).toEqual([1, 1]);
  });

  it("points a counting line's forward arrow to the right of a→b, as the workers count it", () => {
    // a→b pointing up the screen: right is towards larger x.
    const up = forwardNormal([0.5, 0.8], [0.5, 0.2], size)!;
    expect(up[0]).toBeCloseTo(1);
    expect(up[1]).toBeCloseTo(0);
    // a→b pointing right: right is down the screen (y grows downward).
    const right = forwardNormal([0.2, 0.5], [0.8, 0.5], size)!;
    expect(right[0]).toBeCloseTo(0);
    expect(right[1]).toBeCloseTo(1);
    expect(forwardNormal([0.3, 0.3], [0.3, 0.3], size)).toBeNull();
  });

  it('scales a stored direction by the picture size before drawing it', () => {
    // [1, 1] in fractions is wider than tall on a 16:9 picture.
    const arrow = directionArrow([0.5, 0.5], [1, 1], size, 100)!;
    const dx = arrow.tip[0] - arrow.tail[0];
    const dy = arrow.tip[1] - arrow.tail[1];
    expect(Math.hypot(dx, dy)).toBeCloseTo(100);
    expect(dx / dy).toBeCloseTo(640 / 360);
    expect(directionArrow([0.5, 0.5], [0, 0], size, 100)).toBeNull();
  });

  it('puts an arrow head at the tip, symmetric about the shaft', () => {
    const [tip, left, right] = arrowHead([0, 0], [10, 0], 4)!;
    expect(tip).toEqual([10, 0]);
    expect(left[0]).toBeCloseTo(6);
    expect(right[0]).toBeCloseTo(6);
    expect(left[1]).toBeCloseTo(-right[1]);
    expect(arrowHead([1, 1], [1, 1], 4)).toBeNull();
  });
});
