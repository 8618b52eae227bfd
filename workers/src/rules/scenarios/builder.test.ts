import { describe, expect, it } from 'vitest';
import {
  actorPosition,
  buildFrames,
  distanceCovered,
  pointAlong,
  speedKeys,
  type ActorSpec,
} from './builder';
import { seededRandom } from '@toc/server/lib/seeded-random';

const car: ActorSpec = {
  id: 1,
  label: 'car',
  size: [100, 50],
  path: [
    [0, 400],
    [2000, 400],
  ],
  speeds: speedKeys(0, 100, 2, 100, 4, 0),
  appearS: 0,
};

describe('scenario builder', () => {
  it('integrates piecewise-linear speeds exactly, steps included', () => {
    expect(distanceCovered(car.speeds, 0, 2)).toBeCloseTo(200);
    expect(distanceCovered(car.speeds, 0, 10)).toBeCloseTo(300);
    expect(
      distanceCovered(
        [
          [0, 100],
          [5, 100],
          [5, 0],
        ],
        0,
        10,
      ),
    ).toBeCloseTo(500);
  });

  it('walks polylines and stops at their end', () => {
    expect(
      pointAlong(
        [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        15,
      ),
    ).toEqual([10, 5]);
    expect(
      pointAlong(
        [
          [0, 0],
          [10, 0],
        ],
        11,
      ),
    ).toBeNull();
    expect(actorPosition({ ...car, disappearS: 5 }, 6, 1280, 720)).toBeNull();
    expect(actorPosition(car, 3, 1280, 720)).toEqual([275, 400]);
  });

  it('is deterministic for a seed and mimics a tracker (tentative first, bounded history, misses)', () => {
    expect(seededRandom(3)()).toBe(seededRandom(3)());
    const a = buildFrames([{ ...car, missEvery: 4 }], { durationS: 20, seed: 5, historyLength: 10 });
    const b = buildFrames([{ ...car, missEvery: 4 }], { durationS: 20, seed: 5, historyLength: 10 });
    expect(a).toEqual(b);
    expect(a).toHaveLength(101);
    expect(a[0]!.tracks[0]!.state).toBe('tentative');
    expect(a[2]!.tracks[0]!.state).toBe('confirmed');
    expect(a[20]!.tracks[0]!.missed).toBe(1);
    expect(a[20]!.detections).toHaveLength(0);
    expect(a.at(-1)!.tracks[0]!.history).toHaveLength(10);
    const [x1, , x2, y2] = a[10]!.tracks[0]!.box;
    expect(Math.abs((x1 + x2) / 2 - 200)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(y2 - 400)).toBeLessThanOrEqual(1.5);
  });
});
