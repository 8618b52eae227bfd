// Small: GTFS field parsing, bilingual name splitting and shape assembly.
import { describe, expect, it } from 'vitest';
import { parseGtfsDate, parseGtfsTime } from './gtfs-fields';
import { splitBilingualName } from './gtfs-names';
import { buildShape } from './shape-builder';
import { haversineM } from './geodesy';

describe('GTFS times and dates', () => {
  it('reads one- or two-digit hours, including trips after midnight', () => {
    expect(parseGtfsTime('7:33:00')).toBe(27_180);
    expect(parseGtfsTime('07:33:00')).toBe(27_180);
    expect(parseGtfsTime('25:10:05')).toBe(25 * 3600 + 10 * 60 + 5);
    for (const bad of ['7:6x:00', '7:60:00', '7:33', '', 'noon']) expect(parseGtfsTime(bad)).toBeNull();
  });

  it('accepts real YYYYMMDD days only', () => {
    expect(parseGtfsDate('20240229')).toBe('2024-02-29');
    for (const bad of ['20230229', '20161332', '2016-01-01', '201601']) expect(parseGtfsDate(bad)).toBeNull();
  });
});

describe('bilingual names', () => {
  it('splits Namtang "ไทย;English" into th/en and keeps the Thai as the name', () => {
    expect(splitBilingualName('BTS บางหว้า;BTS Bang Wa')).toEqual({
      name: 'BTS บางหว้า',
      translations: { th: 'BTS บางหว้า', en: 'BTS Bang Wa' },
    });
    expect(splitBilingualName('Ban Mai;บ้านใหม่')).toEqual({
      name: 'บ้านใหม่',
      translations: { th: 'บ้านใหม่', en: 'Ban Mai' },
    });
  });

  it('leaves plain names alone and collapses doubled halves', () => {
    expect(splitBilingualName('Gilroy Caltrain')).toEqual({ name: 'Gilroy Caltrain', translations: {} });
    expect(splitBilingualName('K.A.Wheel&Tire;;K.A.Wheel&Tire;')).toEqual({
      name: 'K.A.Wheel&Tire',
      translations: {},
    });
  });
});

describe('shapes', () => {
  it('orders points by sequence and accumulates geodesic metres', () => {
    const result = buildShape('s', [
      { sequence: 3, lon: 101.02, lat: 13.7, line: 4 },
      { sequence: 1, lon: 101.0, lat: 13.7, line: 2 },
      { sequence: 2, lon: 101.01, lat: 13.7, line: 3 },
    ]);
    if (!('shape' in result)) throw new Error('expected a shape');
    expect(result.shape.points.map((p) => p[0])).toEqual([101.0, 101.01, 101.02]);
    // 0.01° of longitude at 13.7° N is about 1,081 m.
    expect(result.shape.distM[1]).toBeCloseTo(1081, -1);
    expect(result.shape.lengthM).toBeCloseTo(2 * result.shape.distM[1]!, 6);
  });

  it('refuses a shape of one position at the line of its first point', () => {
    const result = buildShape('s', [
      { sequence: 1, lon: 101, lat: 13.7, line: 7 },
      { sequence: 2, lon: 101, lat: 13.7, line: 5 },
    ]);
    expect(result).toMatchObject({ line: 5 });
  });

  it('haversine agrees with a known distance (Democracy Monument to Chachoengsao town, about 62 km in a straight line)', () => {
    const d = haversineM([100.5018, 13.7563], [101.0779, 13.6904]);
    expect(d).toBeGreaterThan(60_000);
    expect(d).toBeLessThan(65_000);
  });
});
