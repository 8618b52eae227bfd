import { describe, expect, it } from 'vitest';
import type { DrawnPolygon } from '../crash-filter-state';
import {
  beforeAfterExtra,
  DEFAULT_BEFORE_AFTER_FORM,
  effectiveSite,
  siteEnabled,
} from './before-after-params';

const square: DrawnPolygon = {
  type: 'Polygon',
  coordinates: [
    [
      [101, 13.6],
      [101.1, 13.6],
      [101.1, 13.7],
      [101, 13.6],
    ],
  ],
};
const form = { ...DEFAULT_BEFORE_AFTER_FORM, date: '2023-06-01' };

describe('siteEnabled', () => {
  it('offers the polygon only when drawn, and an area only below the province', () => {
    expect(siteEnabled('polygon', null, 'TH2401')).toBe(false);
    expect(siteEnabled('polygon', square, '')).toBe(true);
    expect(siteEnabled('area', null, 'TH24')).toBe(false);
    expect(siteEnabled('area', null, 'TH2401')).toBe(true);
    expect(siteEnabled('area', null, 'TH240101')).toBe(true);
    expect(siteEnabled('road', null, '')).toBe(true);
  });
});

describe('effectiveSite', () => {
  it('falls back to the first site that can be chosen', () => {
    expect(effectiveSite('polygon', null, 'TH2401')).toBe('area');
    expect(effectiveSite('polygon', null, 'TH24')).toBe('road');
    expect(effectiveSite('area', square, 'TH2401')).toBe('area');
  });
});

describe('beforeAfterExtra', () => {
  it('sends the drawn polygon as JSON', () => {
    expect(beforeAfterExtra(form, square, 'TH24')).toEqual({
      extra: { date: '2023-06-01', periodDays: 365, sitePolygon: JSON.stringify(square) },
    });
  });

  it('sends the chosen area, and a comparison area in capitals', () => {
    expect(beforeAfterExtra({ ...form, site: 'area', comparisonArea: 'th24' }, square, 'TH2401')).toEqual({
      extra: { date: '2023-06-01', periodDays: 365, siteArea: 'TH2401', comparisonArea: 'TH24' },
    });
  });

  it('sends a road stretch', () => {
    const road = { ...form, site: 'road' as const, siteRoad: ' 304 ', fromKm: '12.3', toKm: '14' };
    expect(beforeAfterExtra(road, null, '')).toEqual({
      extra: { date: '2023-06-01', periodDays: 365, siteRoad: '304', fromKm: 12.3, toKm: 14 },
    });
  });

  it('names what is missing or wrong', () => {
    expect(beforeAfterExtra({ ...form, date: '' }, square, '')).toEqual({ problem: 'date' });
    expect(beforeAfterExtra({ ...form, periodDays: '20' }, square, '')).toEqual({ problem: 'periodDays' });
    expect(beforeAfterExtra({ ...form, periodDays: '1827' }, square, '')).toEqual({ problem: 'periodDays' });
    const road = { ...form, site: 'road' as const, siteRoad: '304', fromKm: '5', toKm: '5' };
    expect(beforeAfterExtra(road, null, '')).toEqual({ problem: 'kmRange' });
    expect(beforeAfterExtra({ ...road, siteRoad: 'ทล 304' }, null, '')).toEqual({ problem: 'siteRoad' });
    expect(beforeAfterExtra({ ...form, comparisonArea: 'X1' }, square, '')).toEqual({
      problem: 'comparisonArea',
    });
  });
});
