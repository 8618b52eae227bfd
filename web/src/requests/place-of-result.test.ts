// Small tests for the place a search result gives: points as they are, areas as centre and covering radius.
import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { placeOfTarget, radiusCoveringBounds } from './place-of-result';

describe('radiusCoveringBounds', () => {
  it('reaches every corner of a small box', () => {
    const radius = radiusCoveringBounds([101.0, 13.6, 101.02, 13.62]);
    const corner = distance([101.01, 13.61], [101.02, 13.62], { units: 'meters' });
    expect(radius).toBeGreaterThanOrEqual(corner);
    expect(radius).toBeLessThan(corner + 1);
  });

  it('is capped at the server limit for a large area', () => {
    expect(radiusCoveringBounds([100.9, 13.4, 101.1, 13.6])).toBe(5000);
  });

  it('is at least one metre for a single point', () => {
    expect(radiusCoveringBounds([101.0, 13.6, 101.0, 13.6])).toBe(1);
  });
});

describe('placeOfTarget', () => {
  it('keeps the user radius for a point', () => {
    expect(placeOfTarget({ center: [101.0757, 13.6786], zoom: 16 })).toEqual({ place: { lon: 101.0757, lat: 13.6786 }, radiusM: null });
  });

  it('gives the centre of an area with a covering radius', () => {
    const { place, radiusM } = placeOfTarget({ bounds: [101.0, 13.6, 101.02, 13.62] });
    expect(place.lon).toBeCloseTo(101.01, 9);
    expect(place.lat).toBeCloseTo(13.61, 9);
    expect(radiusM).toBe(radiusCoveringBounds([101.0, 13.6, 101.02, 13.62]));
  });
});
