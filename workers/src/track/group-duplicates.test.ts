import type { Detection } from '@toc/models';
import { describe, expect, it } from 'vitest';
import type { Box } from '../pipeline/types';
import { DEFAULT_CLASS_GROUPS, groupResolver } from './class-groups';
import { suppressGroupDuplicates } from './group-duplicates';

const det = (label: string, score: number, box: Box): Detection => ({ classId: 0, label, score, box });
const groupOf = groupResolver(DEFAULT_CLASS_GROUPS);

describe('suppressGroupDuplicates', () => {
  it('keeps the most confident of one object detected as car and truck, in the input order', () => {
    const person = det('person', 0.7, [0, 0, 10, 30]);
    const truck = det('truck', 0.55, [100, 100, 200, 180]);
    const car = det('car', 0.8, [102, 101, 201, 181]);
    expect(suppressGroupDuplicates([person, truck, car], groupOf, 0.7)).toEqual([person, car]);
  });

  it('keeps overlapping detections of different groups, and of one group that overlap less', () => {
    const car = det('car', 0.8, [100, 100, 200, 180]);
    const rider = det('person', 0.6, [110, 90, 190, 180]);
    const behind = det('car', 0.6, [150, 100, 250, 180]);
    expect(suppressGroupDuplicates([car, rider, behind], groupOf, 0.7)).toEqual([car, rider, behind]);
  });
});
