import { describe, expect, it } from 'vitest';
import { calibrationDraft, movePair, nextStepKey, placeGroundPoint, placeImagePoint, removePair } from './calibration-draft';

const ground = (lon: number) => ({ lon, lat: 13.6 });

describe('calibration pairs in the editor', () => {
  it('makes a pair from a picture click followed by a map click', () => {
    let draft = calibrationDraft([]);
    expect(nextStepKey(draft)).toBe('setup.calib.stepImage');
    draft = placeImagePoint(draft, [0.2, 0.9]);
    expect(draft.pairs).toHaveLength(0);
    expect(nextStepKey(draft)).toBe('setup.calib.stepMap');
    draft = placeGroundPoint(draft, ground(101.1));
    expect(draft.pairs).toEqual([{ image: [0.2, 0.9], ground: ground(101.1) }]);
    expect(draft.pending).toEqual({ image: null, ground: null });
    expect(draft.dirty).toBe(true);
  });

  it('also accepts the map point first, and a second picture click replaces the waiting one', () => {
    let draft = placeGroundPoint(calibrationDraft([]), ground(101.2));
    expect(nextStepKey(draft)).toBe('setup.calib.stepImageForGround');
    draft = placeImagePoint(draft, [0.5, 0.5]);
    expect(draft.pairs).toHaveLength(1);
    draft = placeImagePoint(placeImagePoint(draft, [0.1, 0.1]), [0.3, 0.3]);
    expect(draft.pending.image).toEqual([0.3, 0.3]);
  });

  it('removes and moves pairs, renumbering by position', () => {
    const saved = [
      { image: [0.1, 0.9] as [number, number], ground: ground(101.1) },
      { image: [0.9, 0.9] as [number, number], ground: ground(101.2) },
    ];
    const draft = calibrationDraft(saved);
    expect(draft.dirty).toBe(false);
    expect(removePair(draft, 0).pairs).toEqual([saved[1]]);
    expect(movePair(draft, 1, { image: [0.8, 0.8] }).pairs[1]).toEqual({ image: [0.8, 0.8], ground: ground(101.2) });
    // The saved pairs are copied, not shared.
    expect(draft.pairs[0]).not.toBe(saved[0]);
  });
});
