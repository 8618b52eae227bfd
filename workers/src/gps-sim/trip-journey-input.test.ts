import { describe, expect, it } from 'vitest';
import { simFeedFixture } from './sim-feed.fixture';
import { timedStops, tripPath, tripSpanS } from './trip-journey-input';

describe('trip journey input', () => {
  it('places the stops on the shape in order and interpolates a missing time by distance', () => {
    const feed = simFeedFixture();
    const trip = feed.trips.get('T1')!;
    const path = tripPath(feed, trip)!;
    expect(path.stopDistM.map((d) => Math.round(d))).toEqual([0, 1000, 2000, 3000, 4000]);
    const dayStart = Date.parse('2026-03-02T00:00:00+07:00');
    const stops = timedStops(trip, path, dayStart);
    const at = (i: number) => (stops[i]!.arrival.getTime() - dayStart) / 1000 - 6 * 3600;
    expect([at(0), at(1), at(3), at(4)]).toEqual([0, 180, 540, 720]);
    // S3 lies halfway between S2 (left 200 s) and S4 (540 s).
    expect(at(2)).toBeCloseTo(370, 0);
    expect(stops[1]!.departure.getTime() - stops[1]!.arrival.getTime()).toBe(20_000);
    expect(tripSpanS(trip)).toEqual({ startS: 6 * 3600, endS: 6 * 3600 + 720 });
  });

  it('places a return trip on its own (reversed) shape', () => {
    const feed = simFeedFixture();
    const path = tripPath(feed, feed.trips.get('T2')!)!;
    expect(path.stopDistM.map((d) => Math.round(d))).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('draws the line through the stops when the trip has no shape', () => {
    const feed = simFeedFixture();
    const trip = { ...feed.trips.get('T1')!, shapeId: null };
    const path = tripPath(feed, trip)!;
    expect(path.shape.coords).toHaveLength(5);
    expect(path.stopDistM[4]).toBeCloseTo(4000, -1);
  });
});
