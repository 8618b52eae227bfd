import { describe, expect, it } from 'vitest';
import {
  applyHomography,
  determinant3,
  fitHomography,
  fitHomographyDetailed,
  invertHomography,
  multiply3,
  type Vec2,
} from './homography';

/** A perspective map (image fractions → metres); its horizon w = 0 lies just above the frame (y < 0). */
const TRUE_H = [30, -4, -12, 2, -55, 48, 0.15, 1.6, 0.25];
const project = (p: Vec2) => applyHomography(TRUE_H, p)!;

const SRC: Vec2[] = [
  [0.1, 0.9],
  [0.9, 0.85],
  [0.7, 0.3],
  [0.25, 0.35],
  [0.5, 0.55],
];

describe('fitHomography', () => {
  it('recovers a known homography up to scale', () => {
    const h = fitHomography(SRC, SRC.map(project));
    const k = TRUE_H[8]! / h[8]!;
    h.forEach((v, i) => expect(v * k).toBeCloseTo(TRUE_H[i]!, 8));
  });

  it('recovers it from exactly four points', () => {
    const h = fitHomography(SRC.slice(0, 4), SRC.slice(0, 4).map(project));
    for (const p of [
      [0.5, 0.5],
      [0.05, 0.95],
    ] as Vec2[]) {
      const got = applyHomography(h, p)!;
      const want = project(p);
      expect(got[0]).toBeCloseTo(want[0], 8);
      expect(got[1]).toBeCloseTo(want[1], 8);
    }
  });

  it('keeps unit norm and positive w at the fitted points', () => {
    const h = fitHomography(SRC, SRC.map(project));
    expect(Math.hypot(...h)).toBeCloseTo(1, 12);
    for (const [x, y] of SRC) expect(h[6]! * x + h[7]! * y + h[8]!).toBeGreaterThan(0);
  });

  it('shows a degenerate layout in its singular values', () => {
    const line: Vec2[] = [
      [0.1, 0.1],
      [0.3, 0.3],
      [0.5, 0.5],
      [0.7, 0.7],
      [0.2, 0.8],
    ];
    const { singularValues: sv } = fitHomographyDetailed(line, line.map(project));
    expect(sv[7]! / sv[0]!).toBeLessThan(1e-9);
  });

  it('throws on too few, mismatched or coincident points', () => {
    expect(() => fitHomography(SRC.slice(0, 3), SRC.slice(0, 3))).toThrow(RangeError);
    expect(() => fitHomography(SRC, SRC.slice(0, 4))).toThrow(RangeError);
    const same: Vec2[] = [
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
    ];
    expect(() => fitHomography(same, SRC.slice(0, 4))).toThrow(RangeError);
  });
});

describe('applyHomography', () => {
  it('returns null on and beyond the horizon', () => {
    // w = 0.15x + 1.6y + 0.25 vanishes on y = −(0.25 + 0.15x)/1.6.
    expect(applyHomography(TRUE_H, [0, -0.25 / 1.6])).toBeNull();
    expect(applyHomography(TRUE_H, [0.5, -0.5])).toBeNull();
    expect(applyHomography(TRUE_H, [0.5, 0.5])).not.toBeNull();
  });

  it('maps the identity to itself', () =>
    expect(applyHomography([1, 0, 0, 0, 1, 0, 0, 0, 1], [0.3, 0.7])).toEqual([0.3, 0.7]));
});

describe('invertHomography', () => {
  it('undoes the mapping and keeps w positive on the far side', () => {
    const inv = invertHomography(TRUE_H)!;
    const back = applyHomography(inv, project([0.4, 0.6]))!;
    expect(back[0]).toBeCloseTo(0.4, 10);
    expect(back[1]).toBeCloseTo(0.6, 10);
    const product = multiply3(TRUE_H, inv);
    expect(product[1]! / product[0]!).toBeCloseTo(0, 12);
    expect(product[4]! / product[0]!).toBeCloseTo(1, 12);
    expect(Math.sign(determinant3(inv))).toBe(Math.sign(determinant3(TRUE_H)));
  });

  it('returns null for a singular matrix', () =>
    expect(invertHomography([1, 2, 3, 2, 4, 6, 0, 0, 1])).toBeNull());
});
