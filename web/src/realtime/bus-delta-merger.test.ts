// Small tests for merging bursts of `buses.delta` and applying them to the bus map.
import { describe, expect, it } from 'vitest';
import { applyBusDelta } from '../state/buses.store';
import { busFixture } from '../testing/bus-fixture';
import { BusDeltaMerger } from './bus-delta-merger';

const at = '2026-11-22T10:00:00.000Z';

describe('BusDeltaMerger', () => {
  it('keeps the latest state of each bus and drops buses removed after their update', () => {
    const merger = new BusDeltaMerger();
    merger.put({ at, upsert: [busFixture(1, { lon: 101 }), busFixture(2)], remove: [] });
    merger.put({ at, upsert: [busFixture(1, { lon: 102 })], remove: [2] });
    const merged = merger.drain();
    expect(merged).toEqual({ reset: false, upsert: [busFixture(1, { lon: 102 })], remove: [2] });
    expect(merger.drain()).toBeNull();
  });

  it('lets a bus that comes back after a removal be upserted again', () => {
    const merger = new BusDeltaMerger();
    merger.put({ at, upsert: [], remove: [3] });
    merger.put({ at, upsert: [busFixture(3)], remove: [] });
    expect(merger.drain()).toEqual({ reset: false, upsert: [busFixture(3)], remove: [] });
  });

  it('marks the snapshot after a watch as a reset that replaces what was pending', () => {
    const merger = new BusDeltaMerger();
    merger.put({ at, upsert: [busFixture(1)], remove: [] });
    merger.expectSnapshot();
    merger.put({ at, upsert: [busFixture(2)], remove: [] });
    merger.put({ at, upsert: [busFixture(4)], remove: [] });
    expect(merger.drain()).toEqual({ reset: true, upsert: [busFixture(2), busFixture(4)], remove: [] });
    merger.put({ at, upsert: [busFixture(5)], remove: [] });
    expect(merger.drain()?.reset).toBe(false);
  });
});

describe('applyBusDelta', () => {
  const current = new Map([
    [1, busFixture(1)],
    [2, busFixture(2)],
  ]);

  it('updates, adds and removes buses without touching the input', () => {
    const next = applyBusDelta(current, { reset: false, upsert: [busFixture(2, { lat: 14 }), busFixture(3)], remove: [1] });
    expect([...next.keys()].sort()).toEqual([2, 3]);
    expect(next.get(2)?.lat).toBe(14);
    expect(current.size).toBe(2);
  });

  it('starts from nothing on a reset, so buses missing from the snapshot disappear', () => {
    const next = applyBusDelta(current, { reset: true, upsert: [busFixture(7)], remove: [] });
    expect([...next.keys()]).toEqual([7]);
  });
});
