// Small: nearest-point search on a shape, including an out-and-back shape where a point lies near both legs.
import { describe, expect, it } from 'vitest';
import { buildShapeLine, nearestInRange, projectionsNear } from './shape-line';
import { placeStopsOnShape } from './build-feed-model';

// 1 km east, then back west 20 m further north.
const outAndBack = buildShapeLine('u', [0, 1000, 1000, 0], [0, 0, 20, 20]);

describe('shape line', () => {
  it('keeps cumulative metres', () => {
    expect(outAndBack.length).toBeCloseTo(2020);
    expect([...outAndBack.cum]).toEqual([0, 1000, 1020, 2020]);
  });

  it('finds the nearest point within a range of progress', () => {
    expect(nearestInRange(outAndBack, 300, 5, 0, 1000)).toMatchObject({ along: 300, offset: 5, segment: 0 });
    expect(nearestInRange(outAndBack, 300, 5, 1100, 2020)!.along).toBeCloseTo(1720);
  });

  it('offers every pass near a point, one per leg', () => {
    const passes = projectionsNear(outAndBack, 500, 10, 50).map((p) => Math.round(p.along));
    expect(passes.sort((a, b) => a - b)).toEqual([500, 1520]);
    expect(projectionsNear(outAndBack, 500, 300, 50)).toEqual([]);
  });

  it('places stops in order on their own leg', () => {
    const along = placeStopsOnShape(outAndBack, [
      [0, 10],
      [600, 10],
      [600, 18],
      [0, 10],
    ]);
    expect([...along].map(Math.round)).toEqual([0, 600, 1420, 2020]);
  });
});
