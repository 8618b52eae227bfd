// Medium: the crash store on real PostGIS with the real data — the 2012 DOH table (3,003 rows, Thai headers) and the
// Chachoengsao fatal-crash points — imported, re-imported without a change, snapped to the real road network; a
// table with an unmappable header imports nothing and says which columns are missing; bad rows are named by line.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { importCrashFile } from '../src/crashes/crash-import';
import { CrashImportError } from '../src/crashes/crash-record';
import { syncCameraCrash } from '../src/repositories/crashes.repository';
import { loadRoadNetwork, roadNetworkFile } from '../src/crashes/road-network';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { createTestSchema } from './test-env';

const shared = loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).sharedDir;
const DOH_2012 = path.join(shared, 'data', 'accidents', 'doh_highway_accidents_2012_national.csv');
const FATAL_CCS = path.join(
  shared,
  'data',
  'accidents',
  'chachoengsao_highway_fatal_crash_points_2021_2025.geojson',
);
const USER = { id: null, username: 'test' };

let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let dir: string;

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
  (await db.query(sql, params)).rows[0] as T;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  dir = await mkdtemp(path.join(tmpdir(), 'crash-import-'));
  expect(await loadRoadNetwork(db, roadNetworkFile(shared))).toBeGreaterThan(2000);
}, 60_000);

afterAll(async () => {
  await db?.end();
  await schema?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the 2012 DOH table', () => {
  it('imports every readable row, keyed by ACC_CODE, with its Bangkok time, vocabularies and no personal data', async () => {
    const report = await importCrashFile(db, { file: DOH_2012, user: USER });
    expect(report.source).toBe('doh_csv');
    expect(report.counts.read).toBe(3003);
    expect(report.counts.added + report.counts.rejected).toBe(3003);
    expect(report.counts.rejected).toBeLessThan(60);
    for (const rejection of report.rejections) {
      expect(rejection.line).toBeGreaterThan(1);
      expect(rejection.reasonTh.length).toBeGreaterThan(0);
    }
    // The first data row (line 2): ACC_CODE 3495786, 01/01/2012 01:50 in Bangkok.
    const first = await one<Record<string, unknown>>(
      `SELECT occurred_at, year, province, road_code, km, cause, crash_type, weather, deaths, vehicle_codes,
              ST_X(location) AS lon, ST_Y(location) AS lat
       FROM crashes WHERE source = 'doh_csv' AND source_key = '3495786'`,
    );
    expect(first).toMatchObject({
      year: 2012,
      province: 'สมุทรสาคร',
      road_code: '3242',
      km: 6.9,
      cause: 'speeding',
      weather: 'clear',
    });
    expect((first.occurred_at as Date).toISOString()).toBe('2011-12-31T18:50:00.000Z');
    expect(first.lon).toBeCloseTo(100.3239, 4);
    expect(first.lat).toBeCloseTo(13.5873, 4);
    const chachoengsao = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE source = 'doh_csv' AND province = 'ฉะเชิงเทรา'`,
    );
    expect(chachoengsao.n).toBe(40);
    const columns = (await db.query(`SELECT * FROM crashes LIMIT 1`)).fields.map((f) => f.name);
    expect(columns.filter((name) => /plate|licen|^age$|sex|gender|brand/.test(name))).toEqual([]);
    const stored = await one<{ status: string; rows_added: number; rejections: unknown[] }>(
      'SELECT status, rows_added, rejections FROM crash_imports WHERE id = $1',
      [report.importId],
    );
    expect(stored).toMatchObject({ status: 'done', rows_added: report.counts.added });
    expect(stored.rejections).toHaveLength(Math.min(report.counts.rejected, 500));
  }, 60_000);

  it('changes nothing when the same table is imported again', async () => {
    const before = await one<{ n: number; latest: Date }>(
      `SELECT count(*)::int AS n, max(updated_at) AS latest FROM crashes WHERE source = 'doh_csv'`,
    );
    const again = await importCrashFile(db, { file: DOH_2012, user: USER });
    expect(again.counts).toMatchObject({ added: 0, updated: 0, same: before.n });
    const after = await one<{ n: number; latest: Date }>(
      `SELECT count(*)::int AS n, max(updated_at) AS latest FROM crashes WHERE source = 'doh_csv'`,
    );
    expect(after).toEqual(before);
  }, 60_000);

  it('snaps the crashes to the major roads: the road, how far along it and how far off it', async () => {
    const snapped = await one<{ on_road: number; total: number; max_off: number }>(
      `SELECT count(road_id)::int AS on_road, count(*)::int AS total,
              max(road_distance_m) FILTER (WHERE road_id IS NOT NULL) AS max_off
       FROM crashes WHERE source = 'doh_csv'`,
    );
    expect(snapped.on_road / snapped.total).toBeGreaterThan(0.5);
    expect(snapped.max_off).toBeLessThanOrEqual(250);
    // Every crash was tried: the ones off the network keep how far the nearest road is.
    const untried = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE road_distance_m IS NULL`,
    );
    expect(untried.n).toBe(0);
    const along = await one<{ bad: number }>(
      `SELECT count(*)::int AS bad FROM crashes c JOIN roads r ON r.id = c.road_id
       WHERE c.road_offset_m < 0 OR c.road_offset_m > ST_Length(r.geom::geography) + 0.01`,
    );
    expect(along.bad).toBe(0);
  });
});

describe('the fatal-crash points', () => {
  it('imports the Chachoengsao points with their deaths and causes, and again without a change', async () => {
    const report = await importCrashFile(db, { file: FATAL_CCS, user: USER });
    expect(report.source).toBe('fatal_points');
    expect(report.counts).toMatchObject({ read: 195, added: 195, rejected: 0 });
    const totals = await one<{ deaths: number; unknown_cause: number }>(
      `SELECT sum(deaths)::int AS deaths, count(*) FILTER (WHERE cause IS NULL)::int AS unknown_cause
       FROM crashes WHERE source = 'fatal_points'`,
    );
    expect(totals).toEqual({ deaths: 227, unknown_cause: 0 });
    // Every published cause code reads as a cause of the vocabulary; only code 11 ("not recorded") is unknown.
    const features = (
      JSON.parse(await readFile(FATAL_CCS, 'utf8')) as { features: { properties: { c: number } }[] }
    ).features;
    const unknown = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE source = 'fatal_points' AND cause = 'unknown'`,
    );
    expect(unknown.n).toBe(features.filter((f) => f.properties.c === 11).length);
    const again = await importCrashFile(db, { file: FATAL_CCS, user: USER });
    expect(again.counts).toMatchObject({ added: 0, updated: 0, same: 195 });
  });
});

describe('bad input', () => {
  it('imports nothing from a table whose header cannot be mapped, naming the missing columns', async () => {
    const text = await readFile(DOH_2012, 'utf8');
    const broken = path.join(dir, 'no-coordinates.csv');
    await writeFile(broken, text.replace('LATITUDE', 'LAT_X').replace('LONGITUDE', 'LON_X'));
    const before = await one<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    const error = await importCrashFile(db, { file: broken, user: USER }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrashImportError);
    expect((error as CrashImportError).message).toMatch(/LATITUDE/);
    expect((error as CrashImportError).message).toMatch(/LONGITUDE/);
    expect((error as CrashImportError).messageTh).toMatch(/LATITUDE/);
    expect(await one<{ n: number }>('SELECT count(*)::int AS n FROM crashes')).toEqual(before);
    const recorded = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crash_imports WHERE file_name = 'no-coordinates.csv'`,
    );
    expect(recorded.n).toBe(0);
  });

  it('names bad rows by their line and imports the rest', async () => {
    const lines = (await readFile(DOH_2012, 'utf8')).split('\n');
    const header = lines[0]!;
    const rows = lines.slice(1, 6);
    // Line 3: a date that does not exist; line 5: more fields than the header.
    rows[1] = rows[1]!.replace(/^2012,\d\d\/\d\d\/2012/, '2012,31/02/2012');
    rows[3] = `${rows[3]!.trimEnd()},extra,fields`;
    const file = path.join(dir, 'some-bad.csv');
    await writeFile(file, [header, ...rows].join('\n'));
    const report = await importCrashFile(db, { file, user: USER });
    expect(report.rejections.map((r) => r.line)).toEqual([3, 5]);
    expect(report.rejections[0]!.reason).toMatch(/31\/02\/2012/);
    expect(report.counts.read).toBe(5);
    expect(report.counts.added + report.counts.same + report.counts.updated).toBe(3);
  });
});

describe('camera accidents', () => {
  const accident = async (status: string) =>
    (
      await one<{ id: number }>(
        `INSERT INTO events (type, severity, status, location, started_at)
         VALUES ('traffic.accident', 'high', $1, ST_SetSRID(ST_MakePoint(101.0747, 13.6905), 4326), '2025-12-31T17:30:00Z')
         RETURNING id`,
        [status],
      )
    ).id;
  const cameraCrash = (eventId: number) =>
    db.query<{ year: number; occurred_at: Date; road_distance_m: number | null }>(
      `SELECT year, occurred_at, road_distance_m FROM crashes WHERE source = 'camera' AND event_id = $1`,
      [eventId],
    );

  it('makes a crash of an accident an operator confirmed, and none of one still open', async () => {
    const id = await accident('open');
    await syncCameraCrash(db, id);
    expect((await cameraCrash(id)).rows).toEqual([]);
    await db.query(`UPDATE events SET status = 'acknowledged' WHERE id = $1`, [id]);
    await syncCameraCrash(db, id);
    await syncCameraCrash(db, id);
    const { rows } = await cameraCrash(id);
    expect(rows).toHaveLength(1);
    // 00:30 on New Year's Day in Bangkok, still 2025 in UTC: the year is Bangkok's.
    expect(rows[0]!.year).toBe(2026);
    expect(rows[0]!.occurred_at.toISOString()).toBe('2025-12-31T17:30:00.000Z');
  });

  it('removes the crash when the accident turns out a false alarm', async () => {
    const id = await accident('acknowledged');
    await syncCameraCrash(db, id);
    expect((await cameraCrash(id)).rows).toHaveLength(1);
    await db.query(`UPDATE events SET status = 'false_alarm' WHERE id = $1`, [id]);
    await syncCameraCrash(db, id);
    expect((await cameraCrash(id)).rows).toEqual([]);
  });
});
