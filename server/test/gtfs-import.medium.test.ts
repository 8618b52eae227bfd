// Medium: GTFS import on real PostGIS — the Caltrain zip, the Thai Namtang folder, and a broken copy of Caltrain
// (rejected rows with exact line numbers, good rows kept, a feed failing midway leaves the last import intact).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { GtfsFeedError, importGtfs, type ImportProgress } from '../src/gtfs/gtfs-import';
import { loadConfig } from '../src/config';
import { createTestSchema } from './test-env';
import { readZipTexts, writeZip } from './zip-files';

const gtfsDir = path.join(
  loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).sharedDir,
  'data',
  'gtfs',
);
const CALTRAIN_ZIP = path.join(gtfsDir, 'caltrain_20160406_gtfs.zip');
const NAMTANG_DIR = path.join(gtfsDir, 'namtang_otp_gtfs_20230422_partial');

let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
  (await db.query(sql, params)).rows[0] as T;
const count = async (table: string, feedId: number) =>
  (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE feed_id = $1`, [feedId])).n;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
});

afterAll(async () => {
  await db?.end();
  await schema?.drop();
});

describe('Caltrain zip', () => {
  it('imports every file with the counts the files really hold, shapes measured in metres', async () => {
    const progress: ImportProgress[] = [];
    const result = await importGtfs(db, CALTRAIN_ZIP, {
      name: 'caltrain',
      onProgress: (p) => progress.push(p),
    });
    // 95 stops = 64 platforms + 31 parent stations (location_type 1); shapes.txt has 3,008 points in 8 shapes.
    expect(result.counts).toMatchObject({
      agencies: 1,
      stops: 95,
      routes: 4,
      trips: 218,
      stopTimes: 3103,
      calendar: 3,
      calendarDates: 8,
      shapes: 8,
      shapePoints: 3008,
      rejected: 0,
    });
    expect(result.rejected).toEqual([]);
    expect(progress.filter((p) => p.done).map((p) => p.file)).toEqual(
      expect.arrayContaining([
        'agency.txt',
        'stops.txt',
        'routes.txt',
        'trips.txt',
        'stop_times.txt',
        'shapes.txt',
      ]),
    );
    expect(await count('gtfs_stops', result.feedId)).toBe(95);
    expect(await count('gtfs_stop_times', result.feedId)).toBe(3103);
    expect(
      await one(`SELECT count(*)::int AS n FROM gtfs_stops WHERE feed_id = $1 AND location_type = 1`, [
        result.feedId,
      ]),
    ).toEqual({ n: 31 });

    const feed = await one<{ timezone: string; counts: Record<string, number> }>(
      'SELECT timezone, counts FROM gtfs_feeds WHERE id = $1',
      [result.feedId],
    );
    expect(feed).toMatchObject({ timezone: 'America/Los_Angeles', counts: { stops: 95 } });

    // San Francisco to San Jose is about 75 km of track; dist_m must agree with PostGIS's geodesic length.
    const shape = await one<{
      length_m: number;
      geodesic: number;
      first: number;
      points: number;
      n: number;
      increasing: boolean;
    }>(
      `SELECT length_m, ST_Length(geom::geography) AS geodesic, dist_m[1] AS first, ST_NPoints(geom) AS points,
              cardinality(dist_m) AS n,
              (SELECT bool_and(d >= lag) FROM (SELECT d, lag(d, 1, 0::float8) OVER () AS lag FROM unnest(dist_m) d) x) AS increasing
         FROM gtfs_shapes WHERE feed_id = $1 AND shape_id = 'cal_sf_sj'`,
      [result.feedId],
    );
    expect(shape.first).toBe(0);
    expect(shape.n).toBe(shape.points);
    expect(shape.increasing).toBe(true);
    expect(shape.length_m).toBeGreaterThan(70_000);
    expect(shape.length_m).toBeLessThan(82_000);
    expect(Math.abs(shape.length_m - shape.geodesic) / shape.geodesic).toBeLessThan(0.005);

    const stopTime = await one(
      `SELECT arrival_s, departure_s FROM gtfs_stop_times WHERE feed_id = $1 AND trip_id = '23a' AND stop_sequence = 1`,
      [result.feedId],
    );
    expect(stopTime).toEqual({ arrival_s: 7 * 3600 + 33 * 60, departure_s: 7 * 3600 + 33 * 60 });
  });

  it('re-importing the same name replaces the rows and keeps the feed id', async () => {
    const first = await one<{ id: number }>(`SELECT id FROM gtfs_feeds WHERE name = 'caltrain'`);
    const again = await importGtfs(db, CALTRAIN_ZIP, { name: 'caltrain' });
    expect(again.feedId).toBe(first.id);
    expect(await count('gtfs_stop_times', again.feedId)).toBe(3103);
    expect(await count('gtfs_trips', again.feedId)).toBe(218);
  });
});

describe('Namtang folder (Thai, no stop_times or shapes)', () => {
  it('keeps Thai names and splits "ไทย;English" into translations', async () => {
    const result = await importGtfs(db, NAMTANG_DIR, { name: 'namtang' });
    expect(result.counts).toMatchObject({
      agencies: 16,
      stops: 13721,
      routes: 1449,
      trips: 3477,
      frequencies: 7880,
      calendar: 7,
      calendarDates: 95,
      rejected: 0,
    });
    // trips.txt names shape ids but the partial feed has no shapes.txt: the trips stay, without a shape.
    expect(result.counts.tripsWithoutShape).toBe(3477);
    expect(
      await one(`SELECT name, translations FROM gtfs_stops WHERE feed_id = $1 AND stop_id = '1'`, [
        result.feedId,
      ]),
    ).toEqual({
      name: 'BTS บางหว้า',
      translations: { th: 'BTS บางหว้า', en: 'BTS Bang Wa' },
    });
    const route = await one<{ long_name: string; translations: Record<string, string> }>(
      `SELECT long_name, translations FROM gtfs_routes WHERE feed_id = $1 AND route_id = '1'`,
      [result.feedId],
    );
    expect(route.translations.en).toBe('Sukhumvit (Light green Line)');
    expect(route.long_name).toMatch(/^สาย/);
    expect(
      await one(`SELECT headsign, translations FROM gtfs_trips WHERE feed_id = $1 AND trip_id = '5'`, [
        result.feedId,
      ]),
    ).toEqual({
      headsign: 'บางหว้า',
      translations: { th: 'บางหว้า', en: 'Bang Wa' },
    });
    expect(await one(`SELECT timezone FROM gtfs_feeds WHERE id = $1`, [result.feedId])).toEqual({
      timezone: 'Asia/Bangkok',
    });
  });
});

describe('a broken copy of the Caltrain feed', () => {
  let files: Map<string, string>;
  const linesOf = (name: string) => files.get(name)!.split('\r\n');

  beforeAll(async () => {
    files = await readZipTexts(CALTRAIN_ZIP);
  });

  function brokenFeed(): Map<string, string> {
    const broken = new Map(files);
    // A BOM on agency.txt, as Excel writes it.
    broken.set('agency.txt', `\uFEFF${files.get('agency.txt')}`);
    // stops.txt: 96 lines + a good stop whose quoted name spans lines 97-98, then a latitude out of range (99)
    // and a stop without a name (100).
    broken.set(
      'stops.txt',
      files.get('stops.txt')! +
        '"new1",,"Two\r\nLines",37.5,-122.3,,,0,,,\r\n' +
        'bad1,,Bad Lat,95.5,-122.0,,,0,,,\r\n' +
        'bad2,,,37.4,-122.1,,,0,,,\r\n',
    );
    // stop_times.txt: line 10 gets an impossible time; line 3105 an unknown stop; line 3106 repeats trip 23a seq 1.
    const stopTimes = linesOf('stop_times.txt');
    stopTimes[9] = stopTimes[9]!.replace(/^([^,]*),[^,]*,/, '$1,7:6x:00,');
    stopTimes.splice(
      stopTimes.length - 1,
      0,
      '23a,7:50:00,7:50:00,99999,50,0,0',
      '23a,7:33:00,7:33:00,777403,1,0,0',
    );
    broken.set('stop_times.txt', stopTimes.join('\r\n'));
    // trips.txt line 220: a route that does not exist. calendar_dates.txt line 10: no 13th month.
    broken.set(
      'trips.txt',
      files.get('trips.txt')! + 'NoSuchRoute,CT-16APR-Caltrain-Weekday-01,x1,NOWHERE,1,0,cal_sf_sj,,\r\n',
    );
    broken.set(
      'calendar_dates.txt',
      files.get('calendar_dates.txt')! + 'CT-16APR-Caltrain-Weekday-01,20161332,2\r\n',
    );
    // shapes.txt line 3010: a latitude that is not a number.
    broken.set('shapes.txt', files.get('shapes.txt')! + '"cal_sf_sj","abc","-121.9",9999,\r\n');
    broken.set(
      'translations.txt',
      'table_name,field_name,language,translation,record_id\r\nstops,stop_name,th,สถานีซานฟรานซิสโก,70011\r\n',
    );
    return broken;
  }

  it('reports each broken row with its exact line, imports the good rows', async () => {
    const zip = writeZip(brokenFeed());
    const result = await importGtfs(db, zip, { name: 'caltrain-broken', sourceLabel: 'test' });
    const found = result.rejected.map(({ file, line }) => `${file}:${line}`).sort();
    expect(found).toEqual(
      [
        'calendar_dates.txt:10',
        'shapes.txt:3010',
        'stop_times.txt:10',
        'stop_times.txt:3105',
        'stop_times.txt:3106',
        'stops.txt:100',
        'stops.txt:99',
        'trips.txt:220',
      ].sort(),
    );
    const reasons = Object.fromEntries(result.rejected.map((r) => [`${r.file}:${r.line}`, r.reason]));
    expect(reasons['stops.txt:99']).toMatch(/stop_lat/);
    expect(reasons['stops.txt:100']).toMatch(/stop_name is required/);
    expect(reasons['stop_times.txt:10']).toMatch(/arrival_time "7:6x:00"/);
    expect(reasons['stop_times.txt:3105']).toMatch(/stop_id "99999" is not in stops.txt/);
    expect(reasons['stop_times.txt:3106']).toMatch(/duplicate/);
    expect(reasons['trips.txt:220']).toMatch(/route_id "NoSuchRoute"/);
    expect(result.rejected.every((r) => r.reasonTh.length > 0)).toBe(true);

    expect(result.counts).toMatchObject({
      stops: 96,
      trips: 218,
      stopTimes: 3102,
      calendarDates: 8,
      shapes: 8,
      rejected: 8,
      translations: 1,
    });
    expect(
      await one(`SELECT name, translations FROM gtfs_stops WHERE feed_id = $1 AND stop_id = 'new1'`, [
        result.feedId,
      ]),
    ).toEqual({
      name: 'Two\nLines',
      translations: {},
    });
    expect(
      await one(`SELECT translations FROM gtfs_stops WHERE feed_id = $1 AND stop_id = '70011'`, [
        result.feedId,
      ]),
    ).toEqual({
      translations: { th: 'สถานีซานฟรานซิสโก' },
    });
    const stored = await one<{ rejected: unknown[]; timezone: string }>(
      'SELECT rejected, timezone FROM gtfs_feeds WHERE id = $1',
      [result.feedId],
    );
    expect(stored.rejected).toHaveLength(8);
    expect(stored.timezone).toBe('America/Los_Angeles');
  });

  it('a feed that fails midway (damaged stop_times.txt) rolls back: the previous import stays whole', async () => {
    const before = await one<{ id: number; imported_at: Date; counts: unknown }>(
      `SELECT id, imported_at, counts FROM gtfs_feeds WHERE name = 'caltrain-broken'`,
    );
    const damaged = writeZip(brokenFeed(), 'stop_times.txt');
    await expect(importGtfs(db, damaged, { name: 'caltrain-broken' })).rejects.toThrow(
      /stop_times.txt cannot be read after line \d{3,}: unexpected end of file/,
    );
    expect(
      await one(`SELECT id, imported_at, counts FROM gtfs_feeds WHERE name = 'caltrain-broken'`),
    ).toEqual(before);
    expect(await count('gtfs_stops', before.id)).toBe(96);
    expect(await count('gtfs_stop_times', before.id)).toBe(3102);
    expect(await count('gtfs_shapes', before.id)).toBe(8);
  });

  it('refuses a feed without agency.txt or one that is not a zip, writing nothing', async () => {
    const withoutAgency = new Map(files);
    withoutAgency.delete('agency.txt');
    await expect(importGtfs(db, writeZip(withoutAgency), { name: 'no-agency' })).rejects.toBeInstanceOf(
      GtfsFeedError,
    );
    await expect(importGtfs(db, Buffer.from('not a zip'), { name: 'garbage' })).rejects.toBeInstanceOf(
      GtfsFeedError,
    );
    expect(
      await one(`SELECT count(*)::int AS n FROM gtfs_feeds WHERE name IN ('no-agency', 'garbage')`),
    ).toEqual({ n: 0 });
  });
});
