import { describe, expect, it } from 'vitest';
import type { Box } from '../pipeline/types';
import { createKalmanBox, kalmanToBox, kalmanVelocity, predictKalman, updateKalman } from './kalman-filter';

const boxAt = (cx: number, cy: number, w = 40, h = 30): Box => [
  cx - w / 2,
  cy - h / 2,
  cx + w / 2,
  cy + h / 2,
];

describe('kalman filter', () => {
  it('starts at the measured box with zero velocity', () => {
    const kf = createKalmanBox([10, 20, 50, 50]);
    expect(kalmanToBox(kf)).toEqual([10, 20, 50, 50]);
    expect(kalmanVelocity(kf)).toEqual([0, 0]);
  });

  it('learns a constant velocity from irregular frame intervals and predicts ahead', () => {
    const kf = createKalmanBox(boxAt(100, 200));
    const dts = [0.1, 0.25, 0.05, 0.3, 0.12, 0.2, 0.08, 0.4, 0.15, 0.1, 0.2, 0.33];
    let t = 0;
    for (const dt of dts) {
      t += dt;
      predictKalman(kf, dt);
      updateKalman(kf, boxAt(100 + 120 * t, 200 - 40 * t));
    }
    const [vx, vy] = kalmanVelocity(kf);
    expect(vx).toBeCloseTo(120, -1);
    expect(vy).toBeCloseTo(-40, -1);
    predictKalman(kf, 0.5);
    const [x1, y1, x2, y2] = kalmanToBox(kf);
    expect((x1 + x2) / 2).toBeCloseTo(100 + 120 * (t + 0.5), -1);
    expect((y1 + y2) / 2).toBeCloseTo(200 - 40 * (t + 0.5), -1);
    expect(x2 - x1).toBeCloseTo(40, 0);
  });

  it('grows its uncertainty with time, so a late measurement pulls harder', () => {
    const short = createKalmanBox(boxAt(0, 0));
    const long = createKalmanBox(boxAt(0, 0));
    for (const kf of [short, long]) {
      for (let i = 0; i < 10; i++) {
        predictKalman(kf, 0.1);
        updateKalman(kf, boxAt(0, 0));
      }
    }
    predictKalman(short, 0.05);
    predictKalman(long, 2);
    expect(long.p[0]!).toBeGreaterThan(short.p[0]!);
    updateKalman(short, boxAt(10, 0));
    updateKalman(long, boxAt(10, 0));
    const cx = (kf: typeof short) => (kalmanToBox(kf)[0] + kalmanToBox(kf)[2]) / 2;
    expect(cx(long)).toBeGreaterThan(cx(short));
  });

  it('ignores zero, negative and non-finite time steps', () => {
    const kf = createKalmanBox(boxAt(50, 50));
    updateKalman(kf, boxAt(50, 50));
    const before = Array.from(kf.p);
    for (const dt of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) predictKalman(kf, dt);
    expect(Array.from(kf.p)).toEqual(before);
  });

  it('never predicts a box smaller than a pixel', () => {
    const kf = createKalmanBox([0, 0, 20, 20]);
    for (let i = 1; i <= 5; i++) {
      predictKalman(kf, 0.1);
      updateKalman(kf, [0, 0, 20 - 3 * i, 20 - 3 * i]);
    }
    predictKalman(kf, 10);
    const [x1, y1, x2, y2] = kalmanToBox(kf);
    expect(x2 - x1).toBeGreaterThanOrEqual(1);
    expect(y2 - y1).toBeGreaterThanOrEqual(1);
  });
});
