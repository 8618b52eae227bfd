import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './prng';

describe('createRng', () => {
  it('repeats a sequence for a seed, numeric or text', () => {
    const a = createRng('trip-1');
    const b = createRng(hashSeed('trip-1'));
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(createRng('trip-2').next()).not.toBe(seqA[0]);
  });

  it('draws uniform values in [0, 1) and normal values with the asked mean and spread', () => {
    const rng = createRng(42);
    const n = 20_000;
    const u = Array.from({ length: n }, () => rng.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((s, x) => s + x, 0) / n).toBeCloseTo(0.5, 1);
    const g = Array.from({ length: n }, () => rng.normal(3, 2));
    const mean = g.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(g.reduce((s, x) => s + (x - mean) ** 2, 0) / n);
    expect(mean).toBeCloseTo(3, 1);
    expect(sd).toBeCloseTo(2, 1);
  });
});
