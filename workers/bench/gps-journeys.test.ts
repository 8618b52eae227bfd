// Small: the GPS bench's buses drive trips running now, with moves the jump filter accepts, apart from one another.
import { describe, expect, it } from 'vitest';
import { distanceM } from '../src/gps/filters';
import { simFeedFixture } from '../src/gps-sim/sim-feed.fixture';
import { planBenchBuses, tripsRunningAt } from './gps-journeys';

const feed = simFeedFixture({ calendar: { start: '20260101', end: '20261231' } });
// 08:05 in Bangkok: the 08:00 outbound trip (block B1, 12 minutes long) is under way; 07:45's return ended at 07:57.
const NOW = Date.parse('2026-06-01T08:05:00+07:00');

describe('bench buses', () => {
  it('picks the trip runs under way now that left at least a minute ago', () => {
    const runs = tripsRunningAt(feed, NOW, NOW + 200_000);
    expect(runs.map((r) => r.trip.tripId)).toEqual(['T9']);
    expect(tripsRunningAt(feed, Date.parse('2026-06-01T08:00:30+07:00'), NOW)).toHaveLength(0);
  });

  it('binds every bus to the running trip and moves it plausibly, at fresh 100 ms fixes', () => {
    const buses = planBenchBuses(feed, 12, NOW, 120_000);
    expect(new Set(buses.map((b) => `${b.tripId}/${b.routeId}/${b.blockId}`))).toEqual(new Set(['T9/R1/B1']));
    for (const bus of buses) {
      let last = bus.at(NOW);
      for (let t = NOW + 100; t <= NOW + 60_000; t += 100) {
        const p = bus.at(t);
        // The jump filter: distance beyond both accuracies, over 0.1 s, stays under 150 km/h.
        const beyond = Math.max(
          0,
          distanceM(last.lat, last.lon, p.lat, p.lon) - last.accuracyM - p.accuracyM,
        );
        expect((beyond / 0.1) * 3.6).toBeLessThan(150);
        // Along the east–west line of the fixture, a few metres of GPS noise off it.
        expect(Math.abs(p.lat - 13.69) * 111_320).toBeLessThan(25);
        last = p;
      }
    }
    const places = new Set(buses.map((b) => b.at(NOW + 30_000).lon.toFixed(5)));
    expect(places.size).toBeGreaterThan(6);
  });
});
