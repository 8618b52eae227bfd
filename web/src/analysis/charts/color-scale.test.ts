import { describe, expect, it } from 'vitest';
import { heatColor, heatLevel, heatTextColor } from './color-scale';

describe('heatLevel', () => {
  it('is null for no crashes (and an empty matrix), else the share of the maximum', () => {
    expect(heatLevel(0, 10)).toBeNull();
    expect(heatLevel(3, 0)).toBeNull();
    expect(heatLevel(5, 10)).toBe(0.5);
    expect(heatLevel(10, 10)).toBe(1);
  });
});

describe('heatColor', () => {
  it('runs from light yellow to dark red, darker as the level rises', () => {
    expect(heatColor(0)).toBe('#ffffcc');
    expect(heatColor(1)).toBe('#800026');
    expect(heatColor(0.5)).toBe('#fd8d3c');
    const lightness = (hex: string) =>
      [1, 3, 5].reduce((sum, i) => sum + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lightness(heatColor(0.3))).toBeGreaterThan(lightness(heatColor(0.7)));
  });

  it('puts dark text on light cells and white text on dark ones', () => {
    expect(heatTextColor(0.1)).not.toBe(heatTextColor(0.9));
    expect(heatTextColor(0.9)).toBe('#ffffff');
  });
});
