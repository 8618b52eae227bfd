// Route parsing: names, parameters, query strings and unknown hashes.
import { describe, expect, it } from 'vitest';
import { hashQuery, parseRoute } from './hash-router';

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

describe('hashQuery', () => {
  it('reads the query string after the route', () => {
    const query = hashQuery('#/playback/3?at=2031-03-13T07%3A00%3A00.000Z&with=4,5');
    expect(query.get('at')).toBe('2031-03-13T07:00:00.000Z');
    expect(query.get('with')).toBe('4,5');
    expect(hashQuery('#/playback/3').toString()).toBe('');
  });
});
