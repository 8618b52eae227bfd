// Small: mapping DOH headers by name, the 2012 header and a later, renamed and re-spaced one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '@toc/models/shared-paths';
import { CrashImportError } from '../crash-record';
import { DOH_COLUMNS, mapDohHeader, type DohField } from './doh-columns';
import { compareKey } from './doh-vocabulary';

const FILE_2012 = path.join(sharedDir(), 'data', 'accidents', 'doh_highway_accidents_2012_national.csv');
// The raw first line, BOM kept, to check the mapper strips it itself.
const header2012 = (parse(readFileSync(FILE_2012, 'utf8'), { to_line: 1 }) as string[][])[0]!;

describe('mapDohHeader', () => {
  it('maps every field of the 2012 header, never confusing a column with its "…อื่น" sibling', () => {
    expect(header2012[0]!.startsWith('\uFEFF')).toBe(true);
    const columns = mapDohHeader(header2012);
    expect(Object.keys(columns)).toHaveLength(Object.keys(DOH_COLUMNS).length);
    expect(columns).toMatchObject({
      year: 0,
      date: 1,
      time: 2,
      accCode: 5,
      km: 10,
      province: 11,
      vehicle1: 12,
      roadFeature: 18,
      cause: 20,
      crashType: 23,
      weather: 25,
      latitude: 26,
      longitude: 27,
      'vehicles.motorcycle': 44,
      'vehicles.other': 55,
      pedestrians: 56,
      deaths: 57,
      seriousInjuries: 58,
      minorInjuries: 59,
    });
  });

  it('maps a later layout by name: renamed, re-spaced, re-cased and reordered headers', () => {
    const headers = [
      ' LONGITUDE',
      'latitude',
      'ผู้เสียชีวิต',
      'km',
      'รถคันที่1',
      'วันที่ เกิดเหตุ',
      'บริเวณที่เกิดเหตุ',
      'ลักษณะการเกิดเหตุ',
      'รถบรรทุกไม่เกิน10ล้อ',
      'รถอื่นๆ',
      'ผู้บาดเจ็บสาหัส',
    ];
    expect(mapDohHeader(headers)).toEqual({
      longitude: 0,
      latitude: 1,
      deaths: 2,
      km: 3,
      vehicle1: 4,
      date: 5,
      roadFeature: 6,
      crashType: 7,
      'vehicles.truck_10_wheels': 8,
      'vehicles.other': 9,
      seriousInjuries: 10,
    });
  });

  it('names every missing required column in English and Thai', () => {
    const headers = header2012.filter((h) => !['LATITUDE', 'วันที่เกิดเหตุ'].includes(h));
    let error: unknown;
    try {
      mapDohHeader(headers);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CrashImportError);
    const { message, messageTh } = error as CrashImportError;
    expect(message).toBe('Missing columns: วันที่เกิดเหตุ (date), LATITUDE (latitude)');
    expect(messageTh).toBe('ไม่พบคอลัมน์: วันที่เกิดเหตุ (date), LATITUDE (latitude)');
  });

  it('gives no header name to two fields', () => {
    const owners = new Map<string, DohField>();
    for (const [field, spec] of Object.entries(DOH_COLUMNS) as [DohField, (typeof DOH_COLUMNS)[DohField]][]) {
      for (const name of spec.names) {
        expect(owners.get(compareKey(name)), name).toBeUndefined();
        owners.set(compareKey(name), field);
      }
    }
  });
});
