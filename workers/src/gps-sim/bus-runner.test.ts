import { describe, expect, it } from 'vitest';
import { BusRunner } from './bus-runner';
import { simFeedFixture } from './sim-feed.fixture';

const dayStart = Date.parse('2026-03-02T00:00:00+07:00');

describe('BusRunner', () => {
  it('drives its trips one after the other and keeps reporting while it waits at the terminus', () => {
    const feed = simFeedFixture();
    // T1 06:00 S1→S5, T2 06:15 S5→S1, T5 07:00 S1→S5 (block B1).
    const chain = ['T1', 'T2', 'T5'].map((id) => feed.trips.get(id)!);
    const runner = new BusRunner(feed, chain, dayStart, 'seed');
    const fixes = runner.take(dayStart + 8 * 3600_000);
    expect(runner.done).toBe(true);
    expect(fixes[0]!.tripId).toBe('T1');
    expect(fixes[0]!.fixTime.getTime()).toBeGreaterThanOrEqual(dayStart + 6 * 3600_000 - 120_000);
    expect([...new Set(fixes.map((f) => f.tripId))]).toEqual(['T1', 'T2', 'T5']);
    // No gap longer than the fix interval from the first fix to the last, layovers included, and one fix per instant.
    for (let i = 1; i < fixes.length; i++) {
      const gap = fixes[i]!.fixTime.getTime() - fixes[i - 1]!.fixTime.getTime();
      expect(gap).toBeGreaterThan(0);
      expect(gap).toBeLessThanOrEqual(5000);
    }
  });

  it('joining mid-trip, hands out fixes from where the timetable has the bus now', () => {
    const feed = simFeedFixture();
    const at = dayStart + 6 * 3600_000 + 300_000;
    const runner = new BusRunner(feed, [feed.trips.get('T1')!], dayStart, 'seed', {}, at);
    runner.skipBefore(at);
    const next = runner.take(at + 60_000);
    expect(next.length).toBeGreaterThanOrEqual(12);
    expect(next.length).toBeLessThanOrEqual(13);
    expect(next[0]!.fixTime.getTime()).toBeGreaterThanOrEqual(at);
    expect(next[0]!.fixTime.getTime()).toBeLessThan(at + 5000);
    // Five minutes into a 12-minute, 4 km trip.
    expect(next[0]!.trueDistanceM).toBeGreaterThan(1000);
  });

  it('joining before its first trip, waits at the first stop and reports from the moment it joins', () => {
    const feed = simFeedFixture();
    const join = dayStart + 6 * 3600_000 - 1800_000; // 05:30, T1 leaves at 06:00
    const runner = new BusRunner(feed, [feed.trips.get('T1')!], dayStart, 'seed', {}, join);
    const fixes = runner.take(join + 60_000);
    expect(fixes.length).toBeGreaterThanOrEqual(12);
    expect(fixes.every((f) => f.speedKmh === 0 && f.trueDistanceM === 0)).toBe(true);
    expect(fixes[0]!.fixTime.getTime() - join).toBeLessThan(1000);
  });

  it('after the last trip of its block stops reporting at the last stop (parked, engine off), and is done', () => {
    const feed = simFeedFixture({ firstHour: 20, lastHour: 21 });
    // The day's last runs of block B1: T1 20:00 S1→S5 and its return T2 20:15 S5→S1 (arriving about 20:27).
    const runner = new BusRunner(feed, [feed.trips.get('T1')!, feed.trips.get('T2')!], dayStart, 'seed');
    const fixes = runner.take(dayStart + 23 * 3600_000);
    expect(runner.done).toBe(true);
    const last = fixes.at(-1)!;
    expect(last.tripId).toBe('T2');
    expect(last.speedKmh).toBe(0);
    const [lon, lat] = feed.stops.get('S1')!;
    expect(Math.hypot((last.lon - lon) * 108_000, (last.lat - lat) * 111_000)).toBeLessThan(30);
    expect(last.fixTime.getTime()).toBeLessThan(dayStart + 21 * 3600_000);
    // Nothing more that night, however late it is asked.
    expect(runner.take(dayStart + 30 * 3600_000)).toEqual([]);
  });
});
