import { describe, expect, it } from 'vitest';
import { toLocalMetres } from '@toc/server/geometry/local-metres';
import { simulateJourney, type JourneyInput } from './bus-journey';
import { straightRoute } from './journey-fixture';
import { pointAtDistance } from './shape-path';

// 14:00 in Bangkok: off-peak.
const START = new Date('2026-03-02T07:00:00Z');

function journey(seed: number | string, options: JourneyInput['options'] = {}, start = START): ReturnType<typeof simulateJourney> {
  const { shape, stops } = straightRoute(6000, 500, start);
  return simulateJourney({ shape, stops, start, options: { seed, ...options } });
}

describe('simulateJourney', () => {
  it('reports fixes at whole seconds, in time order, every fix interval', () => {
    const { fixes } = journey(1, { fixIntervalS: 5 });
    expect(fixes.length).toBeGreaterThan(100);
    for (let i = 1; i < fixes.length; i++) {
      expect(fixes[i]!.fixTime.getTime() - fixes[i - 1]!.fixTime.getTime()).toBe(5000);
      expect(fixes[i]!.fixTime.getMilliseconds()).toBe(0);
    }
  });

  it('visits the stops in order, each departure after its arrival, and never moves backwards', () => {
    for (const seed of [1, 2, 3, 'trip-7']) {
      const { stops, fixes, end } = journey(seed);
      for (let i = 0; i < stops.length; i++) {
        const s = stops[i]!;
        expect(s.departure.getTime()).toBeGreaterThanOrEqual(s.arrival.getTime());
        if (i > 0) expect(s.arrival.getTime()).toBeGreaterThan(stops[i - 1]!.departure.getTime());
        if (s.skipped) expect(s.departure.getTime()).toBe(s.arrival.getTime());
      }
      expect(stops[stops.length - 1]!.skipped).toBe(false);
      expect(end.getTime()).toBe(stops[stops.length - 1]!.departure.getTime());
      for (let i = 1; i < fixes.length; i++) expect(fixes[i]!.trueDistanceM).toBeGreaterThanOrEqual(fixes[i - 1]!.trueDistanceM);
    }
  });

  it('dwells 15–60 s at served stops and skips some over many trips', () => {
    let skipped = 0;
    let served = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { stops } = journey(seed, { holdEarlyS: 10_000 });
      for (const s of stops.slice(1, -1)) {
        if (s.skipped) skipped++;
        else {
          served++;
          const dwellS = (s.departure.getTime() - s.arrival.getTime()) / 1000;
          expect(dwellS).toBeGreaterThanOrEqual(15);
          expect(dwellS).toBeLessThanOrEqual(60);
        }
      }
    }
    expect(skipped).toBeGreaterThan(0);
    expect(skipped / (skipped + served)).toBeLessThan(0.25);
  });

  it('does not leave a stop more than holdEarlyS ahead of the timetable', () => {
    // A slow timetable (10 km/h): the bus is always early and must wait.
    const { shape, stops } = straightRoute(3000, 500, START, 10);
    const result = simulateJourney({ shape, stops, start: START, options: { seed: 4, holdEarlyS: 60, skipProbability: 0 } });
    for (const s of result.stops) expect(s.departure.getTime()).toBeGreaterThanOrEqual(s.scheduledDeparture.getTime() - 60_000);
    expect(result.stops[0]!.departure.getTime()).toBeGreaterThanOrEqual(result.stops[0]!.scheduledDeparture.getTime());
  });

  it('keeps speeds within the maximum, accelerating and braking at bounded rates', () => {
    const { fixes } = journey(5, { fixIntervalS: 1, maxSpeedKmh: 40, openCruiseKmh: [60, 70], townCruiseKmh: [60, 70], townSpacingM: 0 });
    let fastest = 0;
    for (let i = 1; i < fixes.length; i++) {
      const trueKmh = ((fixes[i]!.trueDistanceM - fixes[i - 1]!.trueDistanceM) / 1) * 3.6;
      expect(trueKmh).toBeLessThanOrEqual(40 + 1e-6);
      fastest = Math.max(fastest, fixes[i]!.speedKmh);
      expect(fixes[i]!.speedKmh).toBeGreaterThanOrEqual(0);
    }
    expect(fastest).toBeGreaterThan(35);
    expect(fastest).toBeLessThan(40 + 4);
    // Stopped at the first stop, then reaching 40 km/h takes about 11 s at 1 m/s².
    const moving = fixes.findIndex((f) => f.trueDistanceM > 0);
    expect(fixes[moving + 3]!.speedKmh).toBeLessThan(20);
  });

  it('adds GPS error with the configured spread and no bias', () => {
    const errors: Array<[number, number]> = [];
    for (let seed = 1; seed <= 5; seed++) {
      const { shape, stops } = straightRoute(6000, 500, START);
      const { fixes } = simulateJourney({ shape, stops, start: START, options: { seed, noiseSigmaM: 6 } });
      for (const f of fixes) {
        const truth = pointAtDistance(shape, f.trueDistanceM);
        errors.push(toLocalMetres({ lon: truth.lon, lat: truth.lat }, { lon: f.lon, lat: f.lat }));
      }
    }
    for (const axis of [0, 1]) {
      const values = errors.map((e) => e[axis]!);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
      expect(Math.abs(mean)).toBeLessThan(1);
      expect(sd).toBeGreaterThan(6 * 0.8);
      expect(sd).toBeLessThan(6 * 1.2);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(journey('a'))).toBe(JSON.stringify(journey('a')));
    expect(JSON.stringify(journey('a'))).not.toBe(JSON.stringify(journey('b')));
  });

  it('drives slower in the rush hour and through slow segments', () => {
    const options = { holdEarlyS: 10_000 };
    const offPeak = journey(9, options);
    const rush = journey(9, options, new Date('2026-03-02T01:00:00Z')); // 08:00 in Bangkok
    const duration = (r: ReturnType<typeof simulateJourney>): number => r.end.getTime() - r.stops[0]!.departure.getTime();
    expect(duration(rush)).toBeGreaterThan(duration(offPeak));
    const slowed = journey(9, { ...options, slowSegments: [{ fromM: 1000, toM: 4000, factor: 0.4 }] });
    expect(duration(slowed)).toBeGreaterThan(duration(offPeak));
  });
});
