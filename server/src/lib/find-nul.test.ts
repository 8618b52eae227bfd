// Small: the NUL finder looks into strings, keys, arrays and nesting, and leaves binary bodies alone.
import { describe, expect, it } from 'vitest';
import { findNul } from './find-nul';

describe('findNul', () => {
  it('finds a NUL in a plain string, a nested value, an array item and a key', () => {
    expect(findNul('a\u0000b')).toBe('/');
    expect(findNul({ a: { b: ['ok', 'x\u0000'] } })).toBe('/a/b/1');
    expect(findNul({ ['k\u0000']: 1 })).toBe('/k\\u0000');
  });

  it('passes clean input, numbers, nulls and buffers', () => {
    expect(findNul({ a: 'text', b: 1, c: null, d: [true, { e: 'ไทย' }] })).toBeNull();
    expect(findNul(Buffer.from([0, 0, 0]))).toBeNull();
    expect(findNul(undefined)).toBeNull();
  });

  it('walks a very deep body without overflowing the stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNul(deep)).toMatch(/^(\/0){100000}$/);
  });
});
