import { describe, expect, it } from 'vitest';
import { cumulativeDistancesM, pointAtDistance, projectOntoShape, shapeLengthM } from './shape-path';

// An L: 0.01° east then 0.01° north, near Chachoengsao (about 1.08 km and 1.11 km).
const coords: Array<[number, number]> = [
  [101.07, 13.69],
  [101.08, 13.69],
  [101.08, 13.69],
  [101.08, 13.7],
];
const shape = { coords, distM: cumulativeDistancesM(coords) };

describe('shape path', () => {
  it('measures cumulative metres, with repeated vertices adding nothing', () => {
    expect(shape.distM[1]).toBeCloseTo(1082, -1);
    expect(shape.distM[2]).toBe(shape.distM[1]);
    expect(shapeLengthM(shape)).toBeCloseTo(1082 + 1106, -1);
  });

  it('interpolates a point and heading along the shape, clamped at the ends', () => {
    const mid = pointAtDistance(shape, shape.distM[1]! / 2);
    expect(mid.lon).toBeCloseTo(101.075, 6);
    expect(mid.lat).toBeCloseTo(13.69, 6);
    expect(mid.bearingDeg).toBeCloseTo(90, 0);
    const up = pointAtDistance(shape, shape.distM[1]! + 100);
    expect(up.bearingDeg).toBeCloseTo(0, 0);
    expect(pointAtDistance(shape, -5).lon).toBe(101.07);
    expect(pointAtDistance(shape, 1e9).lat).toBeCloseTo(13.7, 9);
  });

  it('projects a nearby point back to its distance along the shape', () => {
    const d = shape.distM[1]! + 400;
    const p = pointAtDistance(shape, d);
    const projected = projectOntoShape(shape, p.lon + 0.0001, p.lat);
    expect(projected.distM).toBeCloseTo(d, 0);
    expect(projected.offsetM).toBeCloseTo(10.8, 0);
    // Looking only past a distance skips an earlier, nearer part.
    expect(projectOntoShape(shape, 101.07, 13.69, 500).distM).toBeGreaterThanOrEqual(500);
  });
});
