// Small: DOH rows to crash records, on the real 2012 national file, a later layout built from it, and edited rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '@toc/models/shared-paths';
import type { CrashRecord, RowRejection } from '../crash-record';
import { mapDohHeader } from './doh-columns';
import { parseDohRow } from './doh-row';
import { CAUSES, CRASH_TYPES, WEATHER, codeValue } from './doh-vocabulary';

const FILE_2012 = path.join(sharedDir(), 'data', 'accidents', 'doh_highway_accidents_2012_national.csv');
const text2012 = readFileSync(FILE_2012, 'utf8');

/** What an importer does with the two pure parts: map the header, then each row with its line number. */
function parseDohCsv(text: string): { crashes: CrashRecord[]; rejections: RowRejection[] } {
  // csv-parse's types do not model `info: true`, which wraps each record with its line.
  const rows = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  const columns = mapDohHeader(rows[0]!.record);
  const crashes: CrashRecord[] = [];
  const rejections: RowRejection[] = [];
  for (const { record, info } of rows.slice(1)) {
    const result = parseDohRow(record, columns, info.lines);
    if ('crash' in result) crashes.push(result.crash);
    else rejections.push(result.rejection);
  }
  return { crashes, rejections };
}

const [header2012, ...rows2012] = parse(text2012, { bom: true }) as string[][];
const columns2012 = mapDohHeader(header2012!);
const col = (name: string): number => header2012!.indexOf(name);
const real = parseDohCsv(text2012);

describe('the real 2012 national file', () => {
  it('imports every row but one without coordinates, which comes back with its line and both reasons', () => {
    expect(rows2012).toHaveLength(3003);
    expect(real.crashes).toHaveLength(3002);
    expect(real.rejections).toEqual([
      { line: 1685, reason: 'latitude is missing', reasonTh: 'ไม่มีค่า LATITUDE' },
    ]);
  });

  it('keeps the 40 Chachoengsao crashes and every death', () => {
    expect(real.crashes.filter((c) => c.province === 'ฉะเชิงเทรา')).toHaveLength(40);
    const deathsOf = (rows: string[][]) =>
      rows.reduce((sum, row) => sum + Number(row[col('จำนวนผู้เสียชีวิต')]), 0);
    const rejected = rows2012.filter((_, i) => real.rejections.some((r) => r.line === i + 2));
    const imported = real.crashes.reduce((sum, c) => sum + c.deaths, 0);
    expect(imported + deathsOf(rejected)).toBe(deathsOf(rows2012));
    expect(deathsOf(rows2012)).toBe(358);
  });

  it('keys crashes by ACC_CODE, in Bangkok time, with every vehicle of the row counted once', () => {
    const first = real.crashes[0]!;
    expect(first).toMatchObject({
      sourceKey: '3495786',
      occurredAt: '2011-12-31T18:50:00.000Z',
      year: 2012,
      km: 6.9,
    });
    expect(new Set(real.crashes.map((c) => c.sourceKey)).size).toBe(real.crashes.length);
    const vehiclesInRow = rows2012
      .filter((row) => row[col('LATITUDE')])
      .map((row) => Number(row[col('จำนวนรถที่เกิดเหตุ (รวมคันที่ 1)')]));
    expect(real.crashes.map((c) => c.vehicles.reduce((sum, v) => sum + v.count, 0))).toEqual(vehiclesInRow);
  });

  it('codes at least 95 % of the cause, crash type and weather texts', () => {
    for (const field of ['cause', 'crashType', 'weather'] as const) {
      const values = real.crashes.map((c) => c[field]).filter((v) => v !== null);
      const known = values.filter((v) => v.code !== 'unknown');
      expect(known.length / values.length, field).toBeGreaterThanOrEqual(0.95);
    }
    expect(codeValue(CAUSES, 'ฝ่าฝืนสัญญาณไฟ / เครื่องหมายจราจร')?.code).toBe('signal_violation');
    expect(codeValue(CRASH_TYPES, 'ชนท้าย')).toEqual({ code: 'rear_end', raw: 'ชนท้าย' });
    expect(codeValue(WEATHER, ' ลูกเห็บ ')).toEqual({ code: 'unknown', raw: 'ลูกเห็บ' });
    expect(codeValue(WEATHER, '  ')).toBeNull();
  });

  it('carries no personal data (plate, age, sex, brand)', () => {
    const json = JSON.stringify(real.crashes.slice(0, 3));
    for (const personal of ['ฐฐ-8776', 'PROTON', 'BENZ', 'ชาย', '1949900034856'])
      expect(json).not.toContain(personal);
  });
});

/** The later layout: 38 columns, de-spaced and partly renamed, in another order (dates in BE, below). */
const LATER_HEADERS = (
  'LATITUDE LONGITUDE ผู้เสียชีวิต ผู้บาดเจ็บสาหัส ผู้บาดเจ็บเล็กน้อย รวมจำนวนผู้บาดเจ็บ ปีที่เกิดเหตุ วันที่เกิดเหตุ ' +
  'เวลา วันที่รายงาน เวลาที่รายงาน ACC_CODE หน่วยงาน สายทางหน่วยงาน รหัสสายทาง สายทาง KM จังหวัด รถคันที่1 ' +
  'บริเวณที่เกิดเหตุ มูลเหตุสันนิษฐาน ลักษณะการเกิดเหตุ สภาพอากาศ รถที่เกิดเหตุ รถและคนที่เกิดเหตุ รถจักรยานยนต์ ' +
  'รถสามล้อเครื่อง รถยนต์นั่งส่วนบุคคล รถตู้ รถปิคอัพโดยสาร รถโดยสารมากกว่า4ล้อ รถปิคอัพบรรทุก4ล้อ รถบรรทุก6ล้อ ' +
  'รถบรรทุกไม่เกิน10ล้อ รถบรรทุกมากกว่า10ล้อ รถอีแต๋น รถอื่นๆ คนเดินเท้า'
).split(' ');
/** The 2012 header of each later one that is not just the 2012 header without its spaces. */
const RENAMED: Record<string, string> = {
  ผู้เสียชีวิต: 'จำนวนผู้เสียชีวิต',
  ผู้บาดเจ็บสาหัส: 'จำนวนผู้บาดเจ็บสาหัส',
  ผู้บาดเจ็บเล็กน้อย: 'จำนวนผู้บาดเจ็บเล็กน้อย',
  KM: 'ก.ม.',
  บริเวณที่เกิดเหตุ: 'บริเวณที่เกิดเหตุ/ลักษณะทาง',
  ลักษณะการเกิดเหตุ: 'ลักษณะการเกิดอุบัติเหตุ',
  รถที่เกิดเหตุ: 'จำนวนรถที่เกิดเหตุ (รวมคันที่ 1)',
  รถและคนที่เกิดเหตุ: 'จำนวนที่เกิดเหตุทั้งหมด (รวมคนเดินเท้า)',
  รถยนต์นั่งส่วนบุคคล: 'รถยนต์นั่งส่วนบุคคล/รถยนต์นั่งสาธารณะ',
  รถบรรทุกไม่เกิน10ล้อ: 'รถบรรทุกมากกว่า 6 ล้อ ไม่เกิน 10 ล้อ',
  รถบรรทุกมากกว่า10ล้อ: 'รถบรรทุกมากกว่า 10 ล้อ (รถพ่วง)',
  รถอื่นๆ: 'อื่นๆ',
};
const columnIn2012 = (later: string): number =>
  RENAMED[later] ? col(RENAMED[later]) : header2012!.findIndex((h) => h.replace(/\s/g, '') === later);

/** "01/01/2012" → "1/1/2555" on odd rows, "01/01/2555" on even ones. */
const toBuddhistEra = (date: string, row: number): string => {
  const [d, m, y] = date.split('/');
  const be = `${Number(y) + 543}`;
  return row % 2 ? `${Number(d)}/${Number(m)}/${be}` : `${d}/${m}/${be}`;
};

describe('a later layout', () => {
  it('gives the same records as the 2012 file it was built from', () => {
    expect(LATER_HEADERS).toHaveLength(38);
    expect(LATER_HEADERS.filter((later) => columnIn2012(later) < 0)).toEqual([]);
    const sample = rows2012.slice(0, 50);
    const laterRows = sample.map((row, i) =>
      LATER_HEADERS.map((later) => {
        const value = row[columnIn2012(later)]!;
        if (later === 'วันที่เกิดเหตุ') return toBuddhistEra(value, i);
        if (later === 'ปีที่เกิดเหตุ') return `${Number(value) + 543}`;
        return later === 'เวลา' && i % 3 === 0 ? value.replace(':', '.') : value;
      }),
    );
    const csv = stringify([LATER_HEADERS, ...laterRows], { bom: true });
    const later = parseDohCsv(csv);
    expect(later.rejections).toEqual([]);
    expect(later.crashes).toEqual(real.crashes.slice(0, 50));
  });
});

/** The 2012 file's second row (ACC_CODE 3609592, Phetchaburi) with some cells changed, parsed as line 3. */
const edited = (changes: Record<string, string>) => {
  const row = [...rows2012[1]!];
  for (const [name, value] of Object.entries(changes)) row[col(name)] = value;
  return parseDohRow(row, columns2012, 3);
};
const crashOf = (result: ReturnType<typeof parseDohRow>): CrashRecord => {
  if (!('crash' in result)) throw new Error(`rejected: ${result.rejection.reason}`);
  return result.crash;
};

describe('edited rows', () => {
  const original = crashOf(edited({}));

  it('swaps latitude and longitude back, with a note', () => {
    const swapped = crashOf(edited({ LATITUDE: '99.969003782662', LONGITUDE: '12.785112034793' }));
    expect(swapped).toEqual({
      ...original,
      notes: ['latitude and longitude were swapped (99.969003782662, 12.785112034793); swapped back'],
    });
  });

  it('refuses coordinates outside Thailand, giving the values', () => {
    expect(edited({ LATITUDE: '35.6812', LONGITUDE: '139.7671' })).toEqual({
      rejection: {
        line: 3,
        reason: 'coordinates latitude 35.6812, longitude 139.7671 are outside Thailand, even swapped',
        reasonTh: 'พิกัด ละติจูด 35.6812 ลองจิจูด 139.7671 อยู่นอกประเทศไทย แม้สลับกันแล้ว',
      },
    });
    expect(edited({ LONGITUDE: 'E99.9' })).toMatchObject({
      rejection: { reason: 'longitude "E99.9" is not a number' },
    });
  });

  it('refuses 31/02/2012 and a year column that disagrees with the date', () => {
    expect(edited({ วันที่เกิดเหตุ: '31/02/2012' })).toEqual({
      rejection: {
        line: 3,
        reason: 'date "31/02/2012" does not exist',
        reasonTh: 'ไม่มีวันที่ "31/02/2012" ในปฏิทิน',
      },
    });
    expect(edited({ ปีที่เกิดเหตุ: '2013' })).toMatchObject({
      rejection: { reason: 'year 2013 (2013) disagrees with the date 01/01/2012 (2012)' },
    });
  });

  it('reads BE dates and years as the same crash', () => {
    expect(crashOf(edited({ วันที่เกิดเหตุ: '01/01/2555', ปีที่เกิดเหตุ: '2555' }))).toEqual(original);
    expect(crashOf(edited({ วันที่เกิดเหตุ: '2555-01-01', ปีที่เกิดเหตุ: '' }))).toEqual(original);
    expect(edited({ วันที่เกิดเหตุ: '01/01/55' })).toHaveProperty('rejection');
  });

  it('counts empty as 0 and refuses negative or fractional counts', () => {
    expect(crashOf(edited({ จำนวนผู้บาดเจ็บสาหัส: '' })).seriousInjuries).toBe(0);
    expect(edited({ จำนวนผู้เสียชีวิต: '-1' })).toEqual({
      rejection: {
        line: 3,
        reason: 'deaths "-1" is not a whole number of 0 or more',
        reasonTh: 'จำนวนผู้เสียชีวิต "-1" ไม่ใช่จำนวนเต็มตั้งแต่ 0 ขึ้นไป',
      },
    });
    expect(edited({ รถตู้: '1.5' })).toHaveProperty('rejection');
  });

  it('keys a row without ACC_CODE by a hash of its normalised identity', () => {
    const unkeyed = crashOf(edited({ ACC_CODE: '' }));
    expect(unkeyed.sourceKey).toMatch(/^sha256:[0-9a-f]{64}$/);
    const beDate = { ACC_CODE: '', วันที่เกิดเหตุ: '1/1/2555' };
    expect(crashOf(edited(beDate)).sourceKey).toBe(unkeyed.sourceKey);
    expect(crashOf(edited({ ...beDate, 'ก.ม.': '193.748' })).sourceKey).not.toBe(unkeyed.sourceKey);
  });

  it('reads k+m posts, notes an empty time and an unknown vehicle', () => {
    const crash = crashOf(edited({ 'ก.ม.': '193+747', เวลา: '', 'รถคันที่ 1': 'รถแทรกเตอร์' }));
    expect(crash.km).toBeCloseTo(193.747);
    expect(crash.occurredAt).toBe('2011-12-31T17:00:00.000Z');
    expect(crash.notes).toEqual([
      'time not given: 00:00 assumed',
      'vehicle 1 type "รถแทรกเตอร์" is not in the vocabulary',
    ]);
  });
});
