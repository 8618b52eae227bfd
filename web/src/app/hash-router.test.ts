// Route parsing: names, parameters, query strings and unknown hashes.
import { describe, expect, it } from 'vitest';
import { parseRoute } from './hash-router';

describe('parseRoute', () => {
  it('reads a bare route name', () => {
    expect(parseRoute('#/map')).toEqual({ name: 'map', param: null });
  });
  it('reads the parameter after the name and ignores a query string', () => {
    expect(parseRoute('#/camera/12?tab=zones')).toEqual({ name: 'camera', param: '12' });
  });
  it('returns null for an unknown or empty hash', () => {
    expect(parseRoute('#/nowhere')).toBeNull();
    expect(parseRoute('')).toBeNull();
  });
});
