import { describe, expect, it } from 'vitest';
import { hotspotClass, normalCdf, twoSidedP } from './gi-star';

describe('Gi* reading', () => {
  it('gives the normal distribution', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(twoSidedP(2.576)).toBeCloseTo(0.01, 3);
    expect(twoSidedP(-1.645)).toBeCloseTo(0.1, 3);
  });

  it('bins z-scores as hot and cold spots at 90, 95 and 99 %', () => {
    expect(hotspotClass(3)).toBe('hot_99');
    expect(hotspotClass(2)).toBe('hot_95');
    expect(hotspotClass(1.7)).toBe('hot_90');
    expect(hotspotClass(1)).toBe('not_significant');
    expect(hotspotClass(-2.6)).toBe('cold_99');
    expect(hotspotClass(null)).toBe('not_significant');
  });
});
