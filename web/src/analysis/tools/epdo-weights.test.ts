import { describe, expect, it } from 'vitest';
import { DEFAULT_EPDO_WEIGHTS, parseWeights, readWeight, weightsParam } from './epdo-weights';

describe('weightsParam', () => {
  it('sends nothing for the defaults', () => {
    expect(weightsParam({ ...DEFAULT_EPDO_WEIGHTS })).toBeUndefined();
  });

  it('sends all four in a fixed order once one changed', () => {
    expect(weightsParam({ ...DEFAULT_EPDO_WEIGHTS, serious: 40.5 })).toBe(
      'fatal:542,serious:40.5,minor:11,damage_only:1',
    );
  });

  it('matches the route pattern', () => {
    const pattern =
      /^(fatal|serious|minor|damage_only):[0-9]{1,6}(\.[0-9]{1,3})?(,(fatal|serious|minor|damage_only):[0-9]{1,6}(\.[0-9]{1,3})?){0,3}$/;
    expect(weightsParam({ fatal: 999_999.999, serious: 0.001, minor: 0, damage_only: 2 })).toMatch(pattern);
  });
});

describe('readWeight', () => {
  it('rounds to three decimals and refuses what the route would', () => {
    expect(readWeight('29')).toBe(29);
    expect(readWeight('1.23456')).toBe(1.235);
    expect(readWeight('')).toBeNull();
    expect(readWeight('-1')).toBeNull();
    expect(readWeight('1000000')).toBeNull();
    expect(readWeight('abc')).toBeNull();
  });
});

describe('parseWeights', () => {
  it('reads what weightsParam writes', () => {
    const weights = { fatal: 100, serious: 20, minor: 5, damage_only: 1 };
    expect(parseWeights(weightsParam(weights)!)).toEqual(weights);
  });

  it('keeps the defaults for severities left out, and for an empty parameter', () => {
    expect(parseWeights('fatal:300')).toEqual({ ...DEFAULT_EPDO_WEIGHTS, fatal: 300 });
    expect(parseWeights('')).toEqual(DEFAULT_EPDO_WEIGHTS);
  });

  it('refuses unknown severities and malformed parts', () => {
    expect(parseWeights('deadly:5')).toBeNull();
    expect(parseWeights('fatal')).toBeNull();
    expect(parseWeights('fatal:1:2')).toBeNull();
    expect(parseWeights('fatal:-3')).toBeNull();
  });
});
