// Mosaic plans: every frame used equally often, cells tile the picture, truth is the sum of the hand counts.
import { describe, expect, it } from 'vitest';
import { planMosaics } from './crowd-mosaic';

describe('planMosaics', () => {
  const truths = [5, 6, 7, 3];

  it('sums the hand counts of the frames in each mosaic', () => {
    const plans = planMosaics(truths, 2, 4, 768, 576);
    expect(plans.map((p) => p.truth)).toEqual([21, 21, 21, 21]);
    expect(plans[1]!.cells.map((c) => c.frame)).toEqual([1, 2, 3, 0]);
  });

  it('lays the cells out in rows of camera-shaped cells', () => {
    const [plan] = planMosaics(truths, 3, 1, 768, 576);
    expect(plan!.cells).toHaveLength(9);
    expect(plan!.cells[4]).toMatchObject({ left: 256, top: 192, width: 256, height: 192 });
    expect(plan!.cells[8]).toMatchObject({ left: 512, top: 384 });
  });

  it('uses every frame equally often over as many mosaics as frames', () => {
    const uses = new Array(truths.length).fill(0);
    for (const plan of planMosaics(truths, 3, truths.length, 768, 576))
      for (const c of plan.cells) uses[c.frame]++;
    expect(new Set(uses).size).toBe(1);
  });

  it('a 1 × 1 plan is the frame itself', () => {
    expect(planMosaics(truths, 1, 2, 768, 576).map((p) => p.truth)).toEqual([5, 6]);
  });

  it('rejects a grid that is not a positive integer', () => {
    expect(() => planMosaics(truths, 0, 1, 768, 576)).toThrow(/grid/);
    expect(() => planMosaics([], 2, 1, 768, 576)).toThrow(/no frames/);
  });
});
