import { describe, expect, it } from 'vitest';
import type { Detection } from '@toc/models';
import { bestClass, blendScores, closeUpScores } from './second-look';

const det = (label: string, score: number, box: Detection['box']): Detection => ({
  classId: 0,
  label,
  score,
  box,
});

describe('second look', () => {
  it('reads only the close-up detections that are the object', () => {
    const box: Detection['box'] = [100, 100, 300, 250];
    const scores = closeUpScores(
      [
        det('cow', 0.6, [105, 95, 295, 255]),
        det('elephant', 0.4, [110, 100, 300, 240]),
        det('elephant', 0.9, [400, 100, 500, 200]),
      ],
      box,
      0.4,
    );
    expect(scores).toEqual({ cow: 0.6, elephant: 0.4 });
  });

  it('blends the views with the mean of the close-ups and picks the best class', () => {
    const blended = blendScores(
      { elephant: 0.5, cow: 0.3 },
      [{ cow: 0.8 }, { cow: 0.6, elephant: 0.2 }],
      0.5,
    );
    expect(blended.elephant).toBeCloseTo(0.3);
    expect(blended.cow).toBeCloseTo(0.5);
    expect(bestClass(blended)).toEqual({ label: 'cow', score: blended.cow });
    expect(blendScores({ elephant: 0.5 }, [], 0.5)).toEqual({ elephant: 0.5 });
    expect(bestClass({})).toBeNull();
  });
});
