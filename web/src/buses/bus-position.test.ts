// Small tests for how a bus's state becomes its look on the map.
import { describe, expect, it } from 'vitest';
import { busesToGeoJson } from '../map/layers/buses.layer';
import { busFixture } from '../testing/bus-fixture';
import { BUS_STALE_AFTER_MS, busCondition, busToPosition } from './bus-position';

const now = Date.parse('2026-11-22T10:00:30.000Z');

describe('busCondition', () => {
  it('reads stale from the server or from an old fix, then off-route, else normal', () => {
    expect(busCondition(busFixture(1), now)).toBe('normal');
    expect(busCondition(busFixture(1, { state: 'off_route' }), now)).toBe('off_route');
    expect(busCondition(busFixture(1, { state: 'stale' }), now)).toBe('stale');
    expect(busCondition(busFixture(1, { state: 'off_route' }), Date.parse('2026-11-22T10:00:00.000Z') + BUS_STALE_AFTER_MS + 1)).toBe('stale');
  });
});

describe('busToPosition', () => {
  it('keeps heading and route colour, and drops the heading of a standing bus', () => {
    expect(busToPosition(busFixture(4), now)).toMatchObject({ id: '4', route: '1', headingDeg: 90, color: '#2563eb', condition: 'normal' });
    expect(busToPosition(busFixture(4, { speedKmh: 0.5 }), now).headingDeg).toBeNull();
  });

  it('gives electric buses the bolt icon and a green ring, unless off route', () => {
    const [electric, offRoute] = busesToGeoJson([
      busToPosition(busFixture(1, { electric: true }), now),
      busToPosition(busFixture(2, { electric: true, state: 'off_route' }), now),
    ]).features;
    expect(electric!.properties).toMatchObject({ icon: 'bus-electric', ring: '#4ade80', condition: 'normal' });
    expect(offRoute!.properties).toMatchObject({ icon: 'bus-electric', ring: '#f97316', condition: 'off_route' });
  });
});
