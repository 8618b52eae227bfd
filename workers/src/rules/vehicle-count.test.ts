import { describe, expect, it } from 'vitest';
import { addFrame, newVehicleCount, summarize } from './vehicle-count';

describe('vehicle count', () => {
  it('keeps the per-class peak over frames and ignores non-vehicles', () => {
    let state = newVehicleCount(new Date('2026-01-01T00:00:00Z'));
    state = addFrame(state, [
      { label: 'car', score: 0.9 },
      { label: 'car', score: 0.7 },
      { label: 'person', score: 0.9 },
    ]);
    state = addFrame(state, [
      { label: 'car', score: 0.8 },
      { label: 'truck', score: 0.6 },
      { label: 'dog', score: 0.99 },
    ]);
    const summary = summarize(state, new Date('2026-01-01T00:00:10Z'));
    expect(summary.counts).toEqual({ car: 2, truck: 1 });
    expect(summary.total).toBe(3);
    expect(summary.maxInFrame).toBe(2);
    expect(summary.frames).toBe(2);
    expect(summary.intervalS).toBe(10);
    expect(summary.confidence).toBeCloseTo((0.9 + 0.7 + 0.8 + 0.6) / 4);
  });

  it('reports no confidence for an interval without vehicles', () => {
    const summary = summarize(addFrame(newVehicleCount(new Date(0)), []), new Date(5000));
    expect(summary).toMatchObject({ total: 0, frames: 1, confidence: null });
  });
});
