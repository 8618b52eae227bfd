// Small tests for bounding boxes and point-in-polygon.
import { describe, expect, it } from 'vitest';
import { boundsCenter, boundsOf } from './bounds';
import { pointInPolygon } from './point-in-polygon';

describe('boundsOf', () => {
  it('spans every geometry given, skipping missing ones', () => {
    const bounds = boundsOf([
      { type: 'LineString', coordinates: [[101, 13.5], [101.2, 13.7]] },
      null,
      { type: 'MultiPolygon', coordinates: [[[[100.9, 13.6], [101.1, 13.6], [101.1, 13.9], [100.9, 13.6]]]] },
    ]);
    expect(bounds).toEqual([100.9, 13.5, 101.2, 13.9]);
    const [lon, lat] = boundsCenter(bounds!);
    expect(lon).toBeCloseTo(101.05, 9);
    expect(lat).toBeCloseTo(13.7, 9);
  });

  it('is null when there is no position', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([{ type: 'LineString', coordinates: [] }])).toBeNull();
  });
});

describe('pointInPolygon', () => {
  const square = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  const hole = [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]];

  it('finds points inside and outside, and respects holes', () => {
    expect(pointInPolygon([3, 3], { type: 'Polygon', coordinates: [square] })).toBe(true);
    expect(pointInPolygon([5, 3], { type: 'Polygon', coordinates: [square] })).toBe(false);
    expect(pointInPolygon([1.5, 1.5], { type: 'Polygon', coordinates: [square, hole] })).toBe(false);
    expect(pointInPolygon([3, 1.5], { type: 'Polygon', coordinates: [square, hole] })).toBe(true);
  });

  it('checks every part of a multipolygon', () => {
    const far = [[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]];
    expect(pointInPolygon([10.5, 10.5], { type: 'MultiPolygon', coordinates: [[square], [far]] })).toBe(true);
  });
});
