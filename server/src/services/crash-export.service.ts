// The filtered crashes as files for planners: CSV (UTF-8 with a byte-order mark and Thai/English headers, so Excel
// opens it) and GeoJSON, streamed page by page (keyset on id) so a national export never sits in memory.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { Queryable } from '../db/pool';
import type { CrashFilter } from '../crashes/crash-filter';
import { crashFeatureRows, type CrashFeatureRow } from '../repositories/crash-features.repository';
import { crashFeature } from './ogc-features.service';

const PAGE_ROWS = 5_000;

/** Columns of the CSV: the feature's property, and its header in English and Thai. */
const COLUMNS: [string, string][] = [
  ['id', 'id / รหัส'],
  ['lon', 'longitude / ลองจิจูด'],
  ['lat', 'latitude / ละติจูด'],
  ['source', 'source / แหล่งข้อมูล'],
  ['occurredAt', 'occurred at (UTC) / เวลาเกิดเหตุ (UTC)'],
  ['year', 'year / ปี ค.ศ.'],
  ['yearBe', 'year BE / ปี พ.ศ.'],
  ['province', 'province / จังหวัด'],
  ['roadCode', 'road number / รหัสสายทาง'],
  ['roadName', 'road name / สายทาง'],
  ['km', 'km / กม.'],
  ['severity', 'severity / ความรุนแรง'],
  ['deaths', 'deaths / ผู้เสียชีวิต'],
  ['seriousInjuries', 'seriously injured / ผู้บาดเจ็บสาหัส'],
  ['minorInjuries', 'slightly injured / ผู้บาดเจ็บเล็กน้อย'],
  ['pedestrians', 'pedestrians / คนเดินเท้า'],
  ['causeEn', 'presumed cause / cause'],
  ['causeTh', 'มูลเหตุสันนิษฐาน'],
  ['crashTypeEn', 'crash type'],
  ['crashTypeTh', 'ลักษณะการเกิดอุบัติเหตุ'],
  ['weatherEn', 'weather'],
  ['weatherTh', 'สภาพอากาศ'],
  ['roadFeature', 'road feature / ลักษณะทาง'],
  ['vehicles', 'vehicles / ยานพาหนะ'],
];

async function* pages(db: Queryable, filter: CrashFilter): AsyncGenerator<CrashFeatureRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await crashFeatureRows(db, { filter, afterId, limit: PAGE_ROWS });
    if (rows.length === 0) return;
    yield rows;
    afterId = Number(rows[rows.length - 1]!.id);
  }
}

export function crashCsv(db: Queryable, filter: CrashFilter): Readable {
  async function* lines() {
    yield `\uFEFF${stringify([COLUMNS.map(([, header]) => header)])}`;
    for await (const rows of pages(db, filter)) {
      const records = rows.map((row) => {
        const properties = { id: row.id, lon: row.lon, lat: row.lat, ...crashFeature(row, '').properties };
        return COLUMNS.map(([key]) => (properties as Record<string, unknown>)[key] ?? '');
      });
      yield stringify(records as unknown[][]);
    }
  }
  return Readable.from(lines());
}

export function crashGeoJson(db: Queryable, filter: CrashFilter): Readable {
  async function* parts() {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const rows of pages(db, filter)) {
      const features = rows.map((row) => {
        const { type, id, geometry, properties } = crashFeature(row, '');
        return JSON.stringify({ type, id, geometry, properties });
      });
      yield `${first ? '' : ','}${features.join(',')}`;
      first = false;
    }
    yield ']}\n';
  }
  return Readable.from(parts());
}
