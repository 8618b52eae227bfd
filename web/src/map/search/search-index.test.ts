// Small tests for the map search: names in both languages, prefixes, road groups, ranking.
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection } from 'geojson';
import type { Camera } from '@toc/server/schemas';
import { buildSearchIndex, normalise, searchPlaces, type SearchSources } from './search-index';

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

const districts = collection([
  { type: 'Feature', geometry: square(100.9, 13.4, 0.2), properties: { ADM2_TH: 'บางปะกง', ADM2_EN: 'Bang Pakong', ADM2_PCODE: 'TH2402' } },
  { type: 'Feature', geometry: square(101.0, 13.6, 0.2), properties: { ADM2_TH: 'เมืองฉะเชิงเทรา', ADM2_EN: 'Mueang Chachoengsao', ADM2_PCODE: 'TH2401' } },
]);
const subdistricts = collection([
  {
    type: 'Feature',
    geometry: square(101.05, 13.65, 0.05),
    properties: { ADM3_TH: 'หน้าเมือง', ADM3_EN: 'Na Mueang', ADM3_PCODE: 'TH240101', ADM2_TH: 'เมืองฉะเชิงเทรา', ADM2_EN: 'Mueang Chachoengsao' },
  },
]);
const roads = collection([
  { type: 'Feature', geometry: { type: 'LineString', coordinates: [[100.95, 13.45], [100.97, 13.46], [100.99, 13.47]] }, properties: { class: 'motorway' } },
  { type: 'Feature', geometry: { type: 'LineString', coordinates: [[101.0, 13.5], [101.05, 13.52]] }, properties: { class: 'motorway' } },
  // Outside every district: not offered.
  { type: 'Feature', geometry: { type: 'LineString', coordinates: [[102.5, 14.5], [102.6, 14.6]] }, properties: { class: 'motorway' } },
]);
const camera = { id: 3, name: 'Wat Sothon market plaza', nameTh: 'ลานตลาดวัดโสธรวรารามวรวิหาร', location: { lon: 101.0757, lat: 13.6786 } } as Camera;

const sources: SearchSources = {
  cameras: [camera],
  districts,
  subdistricts,
  roads,
  villages: [],
  roadClassNames: { motorway: { th: 'มอเตอร์เวย์', en: 'Motorway' }, trunk: { th: 'ทางหลวงแผ่นดิน', en: 'Highway' } },
};
const index = buildSearchIndex(sources);
const keys = (query: string) => searchPlaces(index, query).map((e) => e.key);

describe('map search', () => {
  it('finds a camera by part of its Thai or English name and flies close to it', () => {
    expect(keys('วัดโสธร')).toEqual(['camera:3']);
    expect(keys('sothon MARKET')).toEqual(['camera:3']);
    expect(searchPlaces(index, 'sothon')[0]!.target).toEqual({ center: [101.0757, 13.6786], zoom: 16 });
  });

  it('finds sub-districts and districts in both languages, with or without the Thai prefix', () => {
    expect(keys('หน้าเมือง')).toEqual(['subdistrict:TH240101']);
    expect(keys('ตำบลหน้าเมือง')).toEqual(['subdistrict:TH240101']);
    expect(keys('tambon na mueang')).toEqual(['subdistrict:TH240101']);
    expect(keys('อำเภอบางปะกง')[0]).toBe('district:TH2402');
    const subdistrict = searchPlaces(index, 'na mueang')[0]!;
    expect(subdistrict.context).toEqual({ th: 'เมืองฉะเชิงเทรา', en: 'Mueang Chachoengsao' });
    const bounds = 'bounds' in subdistrict.target ? subdistrict.target.bounds : [];
    [101.05, 13.65, 101.1, 13.7].forEach((value, i) => expect(bounds[i]).toBeCloseTo(value, 9));
  });

  it('offers a road class per district, fitted to all its segments there', () => {
    const road = searchPlaces(index, 'motorway').find((e) => e.kind === 'road')!;
    expect(road.key).toBe('road:motorway:TH2402');
    expect(road.context?.en).toBe('Bang Pakong');
    expect(road.target).toEqual({ bounds: [100.95, 13.45, 101.05, 13.52] });
    expect(keys('มอเตอร์เวย์').filter((k) => k.startsWith('road:'))).toEqual(['road:motorway:TH2402']);
  });

  it('ranks names that start with the query first and returns nothing for an empty query', () => {
    // "เมือง" starts the district's name and sits inside the sub-district's.
    expect(keys('เมือง')[0]).toBe('district:TH2401');
    expect(keys('   ')).toEqual([]);
  });

  it('normalises case, accents and punctuation but keeps Thai marks', () => {
    expect(normalise('  Café, Route-304 ')).toBe('cafe route 304');
    expect(normalise('หน้าเมือง')).toBe('หน้าเมือง');
  });
});
