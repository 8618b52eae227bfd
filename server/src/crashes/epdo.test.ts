// Small: EPDO weights from the query string — defaults, partial overrides, and clear 400s.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../lib/http-error';
import { DEFAULT_EPDO_WEIGHTS, parseEpdoWeights } from './epdo';

describe('EPDO weights', () => {
  it('defaults to the HSM cost ratios, fatal and serious above minor and damage-only', () => {
    const weights = parseEpdoWeights(undefined);
    expect(weights).toEqual({ fatal: 542, serious: 29, minor: 11, damage_only: 1 });
    expect(weights.fatal).toBeGreaterThan(weights.serious);
    expect(weights.serious).toBeGreaterThan(weights.minor);
    expect(weights.minor).toBeGreaterThan(weights.damage_only);
    expect(parseEpdoWeights('')).toEqual(DEFAULT_EPDO_WEIGHTS);
  });

  it('reads every weight, or some with the rest left at their defaults', () => {
    expect(parseEpdoWeights('fatal:100,serious:10,minor:2.5,damage_only:0')).toEqual({
      fatal: 100,
      serious: 10,
      minor: 2.5,
      damage_only: 0,
    });
    expect(parseEpdoWeights('serious:50')).toEqual({ ...DEFAULT_EPDO_WEIGHTS, serious: 50 });
  });

  it('does not change the defaults it starts from', () => {
    parseEpdoWeights('fatal:1');
    expect(DEFAULT_EPDO_WEIGHTS.fatal).toBe(542);
  });

  it.each([
    'deadly:5',
    'fatal',
    'fatal:',
    'fatal:-1',
    'fatal:abc',
    'fatal:1:2',
    'fatal:1e9',
    'fatal:Infinity',
    'fatal:1,fatal:2',
    'fatal:0,serious:0,minor:0,damage_only:0',
  ])('refuses %j with a 400 in English and Thai', (text) => {
    let error: unknown;
    try {
      parseEpdoWeights(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ statusCode: 400, message: expect.stringMatching(/^weights: /) });
    expect((error as HttpError).messageTh).toMatch(/น้ำหนัก/);
  });
});
