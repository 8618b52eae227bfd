import { describe, expect, it } from 'vitest';
import { formatKmPost, kmPostRange } from './km-post';

describe('formatKmPost', () => {
  it('writes km and metres with three digits', () => {
    expect(formatKmPost(12.3)).toBe('12+300');
    expect(formatKmPost(0)).toBe('0+000');
    expect(formatKmPost(7.005)).toBe('7+005');
    expect(formatKmPost(145.25)).toBe('145+250');
  });

  it('rounds to the metre without a 1000 m remainder', () => {
    expect(formatKmPost(12.9996)).toBe('13+000');
    expect(formatKmPost(0.1 + 0.2)).toBe('0+300');
  });
});

describe('kmPostRange', () => {
  it('gives both ends', () => {
    expect(kmPostRange(12.3, 12.8)).toEqual(['12+300', '12+800']);
  });
});
