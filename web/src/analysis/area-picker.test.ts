import { describe, expect, it } from 'vitest';
import { areaLevels } from './area-picker';

describe('areaLevels', () => {
  it('splits a sub-district code into its province, district and itself', () => {
    expect(areaLevels('TH240101')).toEqual(['TH24', 'TH2401', 'TH240101']);
  });
  it('leaves the levels below a province empty, and the whole country empty throughout', () => {
    expect(areaLevels('TH24')).toEqual(['TH24', '', '']);
    expect(areaLevels('TH')).toEqual(['', '', '']);
    expect(areaLevels('')).toEqual(['', '', '']);
  });
});
