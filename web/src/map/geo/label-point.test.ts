// Small tests for polygon label placement.
import { describe, expect, it } from 'vitest';
import { labelPoint } from './label-point';

function inside([x, y]: [number, number], ring: number[][]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

describe('labelPoint', () => {
  it('centres a square', () => {
    expect(labelPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] })).toEqual([1, 1]);
  });

  it('lands inside a U shape whose centroid is outside', () => {
    const ring = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]];
    const point = labelPoint({ type: 'Polygon', coordinates: [ring] });
    expect(point).not.toBeNull();
    expect(inside(point as [number, number], ring)).toBe(true);
  });

  it('uses the largest part of a multipolygon and ignores points', () => {
    const point = labelPoint({
      type: 'MultiPolygon',
      coordinates: [
        [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10]]],
        [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]],
      ],
    });
    expect(point).toEqual([2, 2]);
    expect(labelPoint({ type: 'Point', coordinates: [1, 1] })).toBeNull();
  });
});
