import { describe, expect, it } from 'vitest';
import { DEFAULT_SECTIONS_FORM, sectionsExtra } from './sections-params';

describe('sectionsExtra', () => {
  it('sends the defaults without weights, deaths criterion or overlapping', () => {
    expect(sectionsExtra(DEFAULT_SECTIONS_FORM)).toEqual({
      extra: { lengthM: 500, stepM: 100, rankBy: 'epdo', minCrashes: 3, basis: 'all', limit: 50 },
    });
  });

  it('adds changed weights, a deaths criterion and overlapping windows', () => {
    const form = {
      ...DEFAULT_SECTIONS_FORM,
      weights: { ...DEFAULT_SECTIONS_FORM.weights, fatal: '100' },
      minDeaths: '1',
      overlapping: true,
    };
    expect(sectionsExtra(form)).toMatchObject({
      extra: { weights: 'fatal:100,serious:29,minor:11,damage_only:1', minDeaths: 1, overlapping: true },
    });
  });

  it('names the first field out of the route limits', () => {
    expect(sectionsExtra({ ...DEFAULT_SECTIONS_FORM, lengthM: '50' })).toEqual({ problem: 'lengthM' });
    expect(sectionsExtra({ ...DEFAULT_SECTIONS_FORM, stepM: '' })).toEqual({ problem: 'stepM' });
    expect(sectionsExtra({ ...DEFAULT_SECTIONS_FORM, stepM: '600' })).toEqual({ problem: 'stepLonger' });
    expect(
      sectionsExtra({ ...DEFAULT_SECTIONS_FORM, weights: { ...DEFAULT_SECTIONS_FORM.weights, minor: '-1' } }),
    ).toEqual({ problem: 'weights' });
    expect(sectionsExtra({ ...DEFAULT_SECTIONS_FORM, minCrashes: '2.5' })).toEqual({ problem: 'minCrashes' });
    expect(sectionsExtra({ ...DEFAULT_SECTIONS_FORM, minDeaths: '0' })).toEqual({ problem: 'minDeaths' });
    expect(sectionsExtra({ ...DEFAULT_SECTIONS_FORM, limit: '501' })).toEqual({ problem: 'limit' });
  });
});
