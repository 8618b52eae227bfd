import { describe, expect, it } from 'vitest';
import type { Detection } from '../detection.schema';
import { mergeOverview } from './merge-overview';
import { mergeTileDetections } from './merge-tiles';

const of =
  (classId: number, label: string) =>
  (box: Detection['box'], score: number): Detection => ({ classId, label, score, box });
const elephant = of(20, 'elephant');
const person = of(0, 'person');

// 2 × 1 tiles of 416 overlapping by 42: the seams are at x = 374 (second tile starts) and x = 416 (first ends).
const tiles = [
  { x: 0, y: 0, width: 416, height: 416 },
  { x: 374, y: 0, width: 416, height: 416 },
];

describe('merging the whole picture with the tiles', () => {
  it('keeps a near animal whole from the overview, with the best score, and drops the parts the seams cut', () => {
    const parts = [elephant([150, 80, 416, 300], 0.7), elephant([374, 90, 640, 310], 0.6)];
    const whole = elephant([150, 80, 640, 310], 0.5);
    expect(mergeOverview(parts, [whole], tiles)).toEqual([{ ...whole, score: 0.7 }]);
  });

  it('keeps a far animal only the tiles found, and one seen by both once with the better score', () => {
    const far = elephant([600, 200, 630, 220], 0.45);
    const near = elephant([10, 10, 200, 200], 0.4);
    const merged = mergeOverview([far, near], [elephant([12, 8, 205, 198], 0.8)], tiles);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual(elephant([12, 8, 205, 198], 0.8));
    expect(merged[1]).toEqual(far);
  });

  it('drops a group box around people the tiles told apart, so a crowd is not undercounted', () => {
    const people = [person([100, 100, 130, 180], 0.5), person([125, 100, 155, 180], 0.45)];
    const merged = mergeOverview(people, [person([98, 98, 158, 182], 0.6)], tiles);
    expect(merged).toEqual(people);
  });

  it('drops an overview box that is a part of a person the tiles found whole, or straddles two of them', () => {
    const people = [person([393, 159, 424, 239], 0.8), person([614, 127, 636, 195], 0.8), person([636, 134, 656, 200], 0.78)];
    const upperHalf = person([403, 156, 426, 205], 0.32);
    const straddle = person([621, 135, 650, 196], 0.53);
    expect(mergeOverview(people, [upperHalf, straddle], tiles)).toEqual(people);
  });

  it('adds what only the overview found, and leaves other classes alone', () => {
    const car = of(2, 'car')([500, 300, 700, 400], 0.9);
    const merged = mergeOverview([car], [elephant([100, 100, 300, 300], 0.5)], tiles);
    expect(merged).toEqual([car, elephant([100, 100, 300, 300], 0.5)]);
  });

  it('is the plain tile merge without an overview, and scales the overview to source pixels with it', () => {
    const onTiles = [
      { ...tiles[0]!, detections: [elephant([150, 80, 416, 300], 0.7)] },
      { ...tiles[1]!, detections: [] },
    ];
    expect(mergeTileDetections(onTiles, { scaleX: 2, scaleY: 2 })).toEqual([elephant([300, 160, 832, 600], 0.7)]);
    expect(mergeTileDetections(onTiles, { scaleX: 2, scaleY: 2 }, [elephant([150, 80, 640, 310], 0.5)])).toEqual([
      elephant([300, 160, 1280, 620], 0.7),
    ]);
  });
});
