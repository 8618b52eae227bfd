// Small tests for reading vehicle counts from event payloads.
import { describe, expect, it } from 'vitest';
import { vehicleSummary } from './vehicle-summary';

describe('vehicleSummary', () => {
  it('lists non-zero classes, largest first, with the payload total', () => {
    const summary = vehicleSummary({
      type: 'traffic.vehicles',
      payload: { counts: { car: 12, truck: 3, bus: 0, motorcycle: 7 }, total: 22, maxInFrame: 5, frames: 50, intervalS: 10 },
    });
    expect(summary).toEqual({
      classes: [
        { cls: 'car', count: 12 },
        { cls: 'motorcycle', count: 7 },
        { cls: 'truck', count: 3 },
      ],
      total: 22,
    });
  });

  it('sums the counts when total is missing and ignores junk', () => {
    expect(vehicleSummary({ type: 'traffic.vehicles', payload: { counts: { car: 2, truck: 'x', bus: -1 } } })).toEqual({
      classes: [{ cls: 'car', count: 2 }],
      total: 2,
    });
  });

  it('returns null for other event types or a payload without counts', () => {
    expect(vehicleSummary({ type: 'traffic.accident', payload: { counts: { car: 1 } } })).toBeNull();
    expect(vehicleSummary({ type: 'traffic.vehicles', payload: {} })).toBeNull();
  });
});
