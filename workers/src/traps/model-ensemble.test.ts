import { describe, expect, it } from 'vitest';
import type { Box } from '../pipeline/types';
import { blendModels } from './model-ensemble';
import type { FusedObject } from './view-fusion';

const object = (box: Box, scores: Record<string, number>): FusedObject => {
  const [label, score] = Object.entries(scores).sort((a, b) => b[1] - a[1])[0]!;
  return { box, classId: 0, label, score, scores, classIds: {}, voters: 4, found: 2 };
};

describe('blendModels', () => {
  it('blends the class scores of one object seen by both models, by the primary weight', () => {
    const [one] = blendModels(
      [object([0, 0, 100, 100], { elephant: 0.2, cow: 0.5 })],
      [object([5, 0, 105, 100], { elephant: 0.9 })],
      0.6,
      0.4,
    );
    expect(one!.scores.elephant).toBeCloseTo(0.48);
    expect(one!.scores.cow).toBeCloseTo(0.3);
    expect(one).toMatchObject({ label: 'elephant', box: [0, 0, 100, 100], voters: 8, found: 4 });
  });

  it('counts a model that did not see an object as 0, and pairs each object once (best overlap first)', () => {
    const out = blendModels(
      [object([0, 0, 100, 100], { elephant: 0.9 }), object([300, 0, 400, 100], { person: 0.8 })],
      [object([10, 0, 110, 100], { elephant: 0.7 }), object([2, 0, 102, 100], { elephant: 0.8 })],
      0.6,
      0.4,
    );
    expect(out.map((o) => [o.label, Number(o.score.toFixed(2))])).toEqual([
      ['elephant', 0.86], // paired with the better-overlapping 0.8
      ['person', 0.48],
      ['elephant', 0.28], // the second model's other box alone
    ]);
  });
});
