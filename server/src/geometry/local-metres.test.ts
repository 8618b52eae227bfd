import { describe, expect, it } from 'vitest';
import type { LonLat } from '../schemas';
import { bearingDeg, compass, fromLocalMetres, groundDistanceM, toLocalMetres } from './local-metres';

const SITE: LonLat = { lon: 101.07, lat: 13.69 };

describe('local metres', () => {
  it('puts the origin at 0,0 and round-trips exactly', () => {
    expect(toLocalMetres(SITE, SITE)).toEqual([0, 0]);
    const p = fromLocalMetres(SITE, [1234.5, -987.6]);
    const [e, n] = toLocalMetres(SITE, p);
    expect(e).toBeCloseTo(1234.5, 8);
    expect(n).toBeCloseTo(-987.6, 8);
  });

  it('uses metres that agree with the ground distance: millimetres at camera range, 1e-4 at 3 km', () => {
    for (const en of [
      [200, 0],
      [0, -200],
      [150, 150],
      [-40, 180],
    ] as [number, number][]) {
      expect(Math.abs(groundDistanceM(SITE, fromLocalMetres(SITE, en)) - Math.hypot(...en))).toBeLessThan(
        0.002,
      );
    }
    for (const en of [
      [3000, 0],
      [0, -3000],
      [2000, 2000],
      [-500, 2500],
    ] as [number, number][]) {
      expect(groundDistanceM(SITE, fromLocalMetres(SITE, en)) / Math.hypot(...en)).toBeCloseTo(1, 4);
    }
    // North metres follow the WGS84 meridian: ≈ 110,635 m per degree here (Vincenty, 13°–14°N).
    expect((fromLocalMetres(SITE, [0, 1000]).lat - SITE.lat) * 110_634.84).toBeCloseTo(1000, 1);
  });

  it('folds longitude across the antimeridian', () => {
    const origin = { lon: 179.9999, lat: 0 };
    const [e] = toLocalMetres(origin, { lon: -179.9999, lat: 0 });
    expect(e).toBeCloseTo(22.26, 1);
    expect(fromLocalMetres(origin, [e, 0]).lon).toBeCloseTo(-179.9999, 9);
  });
});

describe('groundDistanceM', () => {
  it('measures one degree of latitude and of longitude like the WGS84 ellipsoid', () => {
    // Reference lengths from Vincenty's inverse on WGS84.
    expect(groundDistanceM({ lon: 101, lat: 13 }, { lon: 101, lat: 14 }) / 110_634.838).toBeCloseTo(1, 6);
    expect(groundDistanceM({ lon: 100.5, lat: 13.5 }, { lon: 101.5, lat: 13.5 }) / 108_263.4).toBeCloseTo(
      1,
      6,
    );
  });
  it('is zero for the same place and symmetric', () => {
    const b = { lon: 101.08, lat: 13.7 };
    expect(groundDistanceM(SITE, SITE)).toBe(0);
    expect(groundDistanceM(SITE, b)).toBeCloseTo(groundDistanceM(b, SITE), 9);
  });
});

describe('bearingDeg', () => {
  it.each([
    [[0, 500], 0],
    [[500, 0], 90],
    [[0, -500], 180],
    [[-500, 0], 270],
    [[300, 300], 45],
    [[-300, -300], 225],
  ] as [[number, number], number][])('towards %j is %d°', (en, want) => {
    const got = bearingDeg(SITE, fromLocalMetres(SITE, en));
    // Degrees on a circle: compare the wrapped difference.
    expect(Math.abs(((got - want + 540) % 360) - 180)).toBeLessThan(0.001);
  });
  it('stays in [0, 360)', () =>
    expect(bearingDeg(SITE, fromLocalMetres(SITE, [-1, 1000]))).toBeGreaterThan(359));
});

describe('compass', () => {
  it.each([
    [0, 'N', 'เหนือ'],
    [22.4, 'N', 'เหนือ'],
    [22.5, 'NE', 'ตะวันออกเฉียงเหนือ'],
    [90, 'E', 'ตะวันออก'],
    [135, 'SE', 'ตะวันออกเฉียงใต้'],
    [180, 'S', 'ใต้'],
    [225, 'SW', 'ตะวันตกเฉียงใต้'],
    [270, 'W', 'ตะวันตก'],
    [315, 'NW', 'ตะวันตกเฉียงเหนือ'],
    [337.5, 'N', 'เหนือ'],
    [359.9, 'N', 'เหนือ'],
    [-45, 'NW', 'ตะวันตกเฉียงเหนือ'],
    [810, 'E', 'ตะวันออก'],
  ])('%d° is %s', (bearing, en, th) => expect(compass(bearing)).toEqual({ en, th }));
});
