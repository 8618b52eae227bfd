// Class-wise NMS and IoU on hand-made boxes.
import { describe, expect, it } from 'vitest';
import { iou, nms } from './nms';

const det = (classId: number, score: number, box: [number, number, number, number]) => ({
  classId,
  score,
  box,
});

describe('iou', () => {
  it('is 1 for the same box, 0 for disjoint or touching boxes, and area-weighted otherwise', () => {
    expect(iou([0, 0, 10, 10], [0, 0, 10, 10])).toBe(1);
    expect(iou([0, 0, 10, 10], [10, 0, 20, 10])).toBe(0);
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(50 / 150);
  });
});

describe('nms', () => {
  it('suppresses an overlapping lower score of the same class only', () => {
    const kept = nms(
      [det(2, 0.6, [1, 0, 11, 10]), det(2, 0.9, [0, 0, 10, 10]), det(7, 0.5, [0, 0, 10, 10])],
      0.45,
    );
    expect(kept).toEqual([det(2, 0.9, [0, 0, 10, 10]), det(7, 0.5, [0, 0, 10, 10])]);
  });

  it('keeps boxes whose overlap is at or below the threshold', () => {
    // IoU exactly 1/3.
    const boxes = [det(0, 0.9, [0, 0, 10, 10]), det(0, 0.8, [5, 0, 15, 10])];
    expect(nms(boxes, 1 / 3 + 1e-9)).toHaveLength(2);
    expect(nms(boxes, 0.3)).toHaveLength(1);
  });

  it('compares only with kept boxes (a suppressed box suppresses nothing) and sorts by score', () => {
    // 0.8 overlaps 0.9 (IoU 0.54) and 0.7 overlaps 0.8 (0.54) but not 0.9 (0.25).
    const kept = nms(
      [det(0, 0.7, [6, 0, 16, 10]), det(0, 0.9, [0, 0, 10, 10]), det(0, 0.8, [3, 0, 13, 10])],
      0.45,
    );
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.7]);
    expect(nms([], 0.5)).toEqual([]);
  });
});
