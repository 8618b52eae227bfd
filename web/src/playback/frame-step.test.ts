// Frame rate from shown frames, and the seek target of a one-frame step.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FPS, estimateFps, frameStepTarget } from './frame-step';

describe('estimateFps', () => {
  it('reads the smallest gap as one frame', () => {
    expect(estimateFps([0.04, 0.08, 0.04, 0.12])).toBeCloseTo(25);
    expect(estimateFps([1 / 30, 2 / 30])).toBeCloseTo(30);
  });
  it('falls back to 25 without gaps, ignoring repeats of the same frame', () => {
    expect(estimateFps([])).toBe(DEFAULT_FPS);
    expect(estimateFps([0, 0])).toBe(DEFAULT_FPS);
  });
});

describe('frameStepTarget', () => {
  it('lands inside the next or the previous frame', () => {
    const fps = 25;
    const frame = 4.2;
    const next = frameStepTarget(frame, fps, 1);
    const previous = frameStepTarget(frame, fps, -1);
    expect(next).toBeGreaterThan(frame + 1 / fps);
    expect(next).toBeLessThan(frame + 2 / fps);
    expect(previous).toBeGreaterThan(frame - 1 / fps);
    expect(previous).toBeLessThan(frame);
  });
  it('never goes before the start', () => {
    expect(frameStepTarget(0, 25, -1)).toBe(0);
  });
});
