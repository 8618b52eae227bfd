// Joining the parts of an object cut by a seam between tiles, and leaving everything else alone.
import { describe, expect, it } from 'vitest';
import { joinSeamParts, type CanvasDetection } from './tile-seams';

const upper = { x: 0, y: 0, width: 416, height: 416 };
const lower = { x: 0, y: 374, width: 416, height: 416 };
const right = { x: 374, y: 0, width: 416, height: 416 };
const person = (
  box: [number, number, number, number],
  tile: CanvasDetection['tile'],
  score = 0.8,
): CanvasDetection => ({
  classId: 0,
  label: 'person',
  score,
  box,
  tile,
});

describe('joinSeamParts', () => {
  it('joins the head-and-body part above a row seam with the legs part below it', () => {
    const out = joinSeamParts([
      person([100, 340, 150, 415], upper, 0.7),
      person([102, 375, 148, 480], lower, 0.9),
    ]);
    expect(out).toEqual([{ classId: 0, label: 'person', score: 0.9, box: [100, 340, 150, 480] }]);
  });

  it('joins parts cut by a column seam', () => {
    const out = joinSeamParts([person([380, 100, 416, 200], upper), person([374, 100, 420, 198], right)]);
    expect(out).toHaveLength(1);
    expect(out[0]!.box).toEqual([374, 100, 420, 200]);
  });

  it('keeps two people when only one of them reaches the seam', () => {
    const out = joinSeamParts([person([100, 300, 150, 380], upper), person([102, 375, 148, 480], lower)]);
    expect(out).toHaveLength(2);
  });

  it('keeps parts side by side across the seam apart', () => {
    const out = joinSeamParts([person([100, 340, 150, 415], upper), person([200, 375, 250, 480], lower)]);
    expect(out).toHaveLength(2);
  });

  it('never joins two detections of one tile, or of different classes', () => {
    const car = { ...person([100, 375, 150, 480], lower), classId: 2, label: 'car' };
    expect(joinSeamParts([person([100, 340, 150, 415], upper), car])).toHaveLength(2);
    expect(
      joinSeamParts([person([100, 300, 150, 415], upper), person([100, 340, 150, 415], upper)]),
    ).toHaveLength(2);
  });

  it('does nothing without tile sizes (infinite tiles have no inner edges)', () => {
    const open = { x: 0, y: 0, width: Infinity, height: Infinity };
    const below = { x: 0, y: 374, width: Infinity, height: Infinity };
    expect(
      joinSeamParts([person([100, 340, 150, 415], open), person([102, 375, 148, 480], below)]),
    ).toHaveLength(2);
  });
});
