// District lookup by point over COD-AB style features.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createDistrictIndex } from './district-index';

const square = (x: number, code: string, en: string, th: string) => ({
  type: 'Feature' as const,
  properties: { ADM2_PCODE: code, ADM2_EN: en, ADM2_TH: th },
  geometry: { type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});

const collection: FeatureCollection = {
  type: 'FeatureCollection',
  features: [square(1, 'TH2402', 'Bang Khla', 'บางคล้า'), square(0, 'TH2401', 'Mueang', 'เมือง'), { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }],
};

describe('createDistrictIndex', () => {
  it('lists the districts by English name and finds the one containing a point', () => {
    const index = createDistrictIndex(collection);
    expect(index.districts.map((d) => d.code)).toEqual(['TH2402', 'TH2401']);
    expect(index.districtOf({ lon: 0.5, lat: 0.5 })).toBe('TH2401');
    expect(index.districtOf({ lon: 1.5, lat: 0.5 })).toBe('TH2402');
    expect(index.districtOf({ lon: 5, lat: 5 })).toBeNull();
    expect(index.districtOf(null)).toBeNull();
  });
});
