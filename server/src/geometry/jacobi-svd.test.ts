import { describe, expect, it } from 'vitest';
import { rightSingular } from './jacobi-svd';

const matVec = (rows: number[][], v: number[]) => rows.map((r) => r.reduce((s, x, i) => s + x * v[i]!, 0));
const norm = (v: number[]) => Math.hypot(...v);

describe('rightSingular', () => {
  it('finds the singular values of a diagonal matrix, largest first', () => {
    const { values } = rightSingular([
      [0, 0, 2],
      [0, 5, 0],
      [1, 0, 0],
    ]);
    expect(values).toEqual([5, 2, 1].map((v) => expect.closeTo(v, 12)));
  });

  it('returns orthonormal vectors with ‖A·v‖ = σ', () => {
    const a = [
      [4, 1, -2, 3],
      [1, 2, 0, 1],
      [-2, 0, 3, -1],
      [3, 1, -1, 6],
      [0.5, -1, 2, 0],
    ];
    const { values, vectors } = rightSingular(a);
    vectors.forEach((v, i) => {
      expect(norm(v)).toBeCloseTo(1, 12);
      expect(norm(matVec(a, v))).toBeCloseTo(values[i]!, 10);
      vectors.slice(i + 1).forEach((w) => expect(v.reduce((s, x, k) => s + x * w[k]!, 0)).toBeCloseTo(0, 12));
    });
  });

  it('finds the null vector of a wide (rank-deficient) matrix', () => {
    const a = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const { values, vectors } = rightSingular(a);
    expect(values[2]).toBeCloseTo(0, 12);
    expect(norm(matVec(a, vectors[2]!))).toBeCloseTo(0, 12);
  });

  it('rejects ragged input', () => expect(() => rightSingular([[1, 2], [3]])).toThrow(RangeError));
});
