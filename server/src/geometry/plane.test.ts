import { describe, expect, it } from 'vitest';
import {
  pointInPolygon,
  pointOnSegment,
  segmentsCross,
  segmentsIntersect,
  signedArea,
  type Point,
} from './plane';

const SQUARE: Point[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
];

describe('plane', () => {
  it('keeps the existing helpers working', () => {
    expect(pointInPolygon([0.5, 0.5], SQUARE)).toBe(true);
    expect(pointInPolygon([1.5, 0.5], SQUARE)).toBe(false);
    expect(signedArea(SQUARE)).toBe(1);
    expect(segmentsCross([0, 0], [1, 1], [0, 1], [1, 0])).toBe(true);
    expect(segmentsCross([0, 0], [1, 1], [1, 1], [2, 0])).toBe(false);
  });

  it('finds a point on a segment, including its ends', () => {
    expect(pointOnSegment([0.5, 0.5], [0, 0], [1, 1])).toBe(true);
    expect(pointOnSegment([1, 1], [0, 0], [1, 1])).toBe(true);
    expect(pointOnSegment([1.1, 1.1], [0, 0], [1, 1])).toBe(false);
    expect(pointOnSegment([0.5, 0.51], [0, 0], [1, 1])).toBe(false);
  });

  it.each([
    ['a proper crossing', [0, 0], [1, 1], [0, 1], [1, 0], true],
    ['a T-touch', [0, 0], [1, 0], [0.5, 0], [0.5, 1], true],
    ['a collinear overlap', [0, 0], [0.6, 0], [0.4, 0], [1, 0], true],
    ['collinear but apart', [0, 0], [0.4, 0], [0.6, 0], [1, 0], false],
    ['parallel', [0, 0], [1, 0], [0, 0.1], [1, 0.1], false],
  ] as [string, Point, Point, Point, Point, boolean][])(
    'segmentsIntersect: %s',
    (_, p1, p2, q1, q2, want) => {
      expect(segmentsIntersect(p1, p2, q1, q2)).toBe(want);
      expect(segmentsIntersect(q2, q1, p1, p2)).toBe(want);
    },
  );
});
