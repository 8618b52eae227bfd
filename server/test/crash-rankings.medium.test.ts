// Medium: the crash analyses on the real crash data (2012 DOH table, 2021–2025 fatal points) in PostGIS — road
// sections ranked by sliding window match direct SQL counts, are sorted and flag black spots by the criterion;
// filters narrow them; the breakdowns add up to the filtered crashes with Thai and English labels; planners only.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashBreakdown, Role, RoadSection, RoadSectionsReply } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;

const get = (url: string, role: Role = 'planner') =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[role]}` } });

async function sections(query = ''): Promise<RoadSectionsReply> {
  const reply = await get(`/api/crashes/road-sections${query}`);
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json<RoadSectionsReply>();
}

async function breakdown(query = ''): Promise<CrashBreakdown> {
  const reply = await get(`/api/crashes/breakdown${query}`);
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json<CrashBreakdown>();
}

const one = async <T>(sql: string, values: unknown[] = []): Promise<T> =>
  (await app.db.query<T & object>(sql, values)).rows[0]!;

const sum = (numbers: number[]) => numbers.reduce((a, b) => a + b, 0);

/** The two windows share road metres (same basis and road, starts less than a window length apart). */
const overlap = (a: RoadSection, b: RoadSection, lengthM: number) =>
  a.basis === b.basis &&
  a.roadCode === b.roadCode &&
  a.roadId === b.roadId &&
  Math.abs((a.fromKm ?? a.fromM! / 1000) - (b.fromKm ?? b.fromM! / 1000)) * 1000 < lengthM - 1e-6;

beforeAll(async () => {
  server = await startCrashApp();
  ({ app, tokens } = server);
}, 300_000);

afterAll(async () => {
  await server?.close();
});

describe('road-section ranking', () => {
  it('counts the top km window as a direct count of DOH crashes on that road code in [from, to)', async () => {
    const reply = await sections('?basis=km');
    expect(reply).toMatchObject({ lengthM: 500, stepM: 100, rankBy: 'epdo', basis: 'km' });
    const top = reply.sections[0]!;
    expect(top).toMatchObject({ basis: 'km', rank: 1, roadId: null, fromM: null });
    expect(top.toKm! - top.fromKm!).toBeCloseTo(0.5, 9);
    const direct = await one<{
      crashes: number;
      deaths: number;
      serious: number;
      minor: number;
      epdo: number;
    }>(
      `SELECT count(*)::int AS crashes, sum(deaths)::int AS deaths, sum(serious_injuries)::int AS serious,
              sum(minor_injuries)::int AS minor,
              sum(CASE WHEN deaths > 0 THEN 542 WHEN serious_injuries > 0 THEN 29
                       WHEN minor_injuries > 0 THEN 11 ELSE 1 END)::int AS epdo
       FROM crashes WHERE source = 'doh_csv' AND road_code = $1 AND km >= $2 AND km < $3`,
      [top.roadCode, top.fromKm, top.toKm],
    );
    expect(top).toMatchObject(direct);
    expect(top.years).toEqual([2012]);
    expect(top.yearsBe).toEqual([2555]);
    expect(top.crashesPerYear).toBe(top.crashes);
    // Every listed km window holds what the direct count finds.
    for (const section of reply.sections.slice(0, 10)) {
      const { n } = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM crashes WHERE road_code = $1 AND km >= $2 AND km < $3`,
        [section.roadCode, section.fromKm, section.toKm],
      );
      expect(section.crashes, `${section.roadCode} km ${section.fromKm}`).toBe(n);
    }
  });

  it('windows the crashes without a kilometre post along their snapped OSM line', async () => {
    const reply = await sections('?basis=osm_line&lengthM=1000&stepM=250');
    expect(reply.excluded.km).toBe(reply.coverage.km);
    const top = reply.sections[0]!;
    expect(top).toMatchObject({ basis: 'osm_line', roadCode: null, fromKm: null });
    expect(top.roadClass).toMatch(/^(motorway|trunk|primary)$/);
    expect(top.toM!).toBeLessThanOrEqual(top.lineLengthM! + 1e-6);
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes
       WHERE NOT (road_code IS NOT NULL AND km IS NOT NULL) AND road_id = $1
         AND road_offset_m >= $2 AND road_offset_m < $3`,
      [top.roadId, top.fromM, top.fromM! + 1000],
    );
    expect(top.crashes).toBe(n);
    expect(top.years).toEqual(expect.arrayContaining([2021, 2025]));
  });

  it('accounts for every filtered crash: on km, on an OSM line, or unplaced', async () => {
    const reply = await sections('?limit=1');
    const { coverage } = reply;
    const direct = await one<{ n: number; unsnapped: number }>(
      `SELECT count(*)::int AS n,
              count(*) FILTER (WHERE NOT (road_code IS NOT NULL AND km IS NOT NULL) AND road_id IS NULL)::int
                AS unsnapped
       FROM crashes`,
    );
    expect(coverage.filtered).toBe(direct.n);
    expect(coverage.km + coverage.osmLine + coverage.unplaced).toBe(direct.n);
    expect(coverage.unplaced).toBe(direct.unsnapped);
    expect(reply.excluded).toEqual({ noKm: coverage.unplaced, km: 0 });
    expect((await sections('?basis=km&limit=1')).excluded.noKm).toBe(coverage.unplaced + coverage.osmLine);
  });

  it.each([
    ['epdo', (s: RoadSection) => s.epdo],
    ['crashes', (s: RoadSection) => s.crashes],
    ['deaths', (s: RoadSection) => s.deaths],
  ] as const)('sorts the sections by %s, highest first', async (rankBy, metric) => {
    const reply = await sections(`?rankBy=${rankBy}&limit=200`);
    expect(reply.sections).toHaveLength(200);
    const values = reply.sections.map(metric);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(reply.sections.map((s) => s.rank)).toEqual(values.map((_, i) => i + 1));
  });

  it('lists one window per hot spot unless overlapping windows are asked for', async () => {
    const peaks = await sections('?limit=500');
    const overlapping = (list: RoadSection[]) =>
      list.filter((a, i) => list.slice(i + 1).some((b) => overlap(a, b, 500))).length;
    expect(overlapping(peaks.sections)).toBe(0);
    const all = await sections('?limit=500&overlapping=true');
    expect(all.totalSections).toBeGreaterThan(peaks.totalSections);
    expect(overlapping(all.sections)).toBeGreaterThan(0);
  });

  it('flags black spots by the crash criterion, or the deaths criterion when given', async () => {
    const byCrashes = await sections('?limit=500&rankBy=crashes');
    expect(byCrashes.blackSpotCriterion).toEqual({ minCrashes: 3, minDeaths: null });
    for (const s of byCrashes.sections) expect(s.blackSpot).toBe(s.crashes >= 3);
    expect(byCrashes.blackSpots).toBeGreaterThan(0);
    expect(byCrashes.blackSpots).toBeLessThan(byCrashes.totalSections);

    const either = await sections('?limit=500&minCrashes=5&minDeaths=3');
    for (const s of either.sections) expect(s.blackSpot).toBe(s.crashes >= 5 || s.deaths >= 3);
    expect(either.sections.some((s) => s.blackSpot && s.crashes < 5)).toBe(true);
  });

  it('weights crashes by the EPDO weights given', async () => {
    const reply = await sections('?basis=km&weights=fatal:1,serious:1,minor:1,damage_only:1&limit=20');
    for (const s of reply.sections) expect(s.epdo).toBe(s.crashes);
    expect(reply.weights).toEqual({ fatal: 1, serious: 1, minor: 1, damage_only: 1 });
  });

  it('ranks by Empirical Bayes excess: each window leans from its count to its road class mean', async () => {
    const reply = await sections('?rankBy=eb_excess&limit=100');
    expect(reply.rankBy).toBe('eb_excess');
    const list = reply.sections;
    expect(list.length).toBeGreaterThan(10);
    for (const [i, s] of list.entries()) {
      if (i > 0) expect(s.excess).toBeLessThanOrEqual(list[i - 1]!.excess + 1e-9);
      expect(s.predicted).toBeGreaterThan(0);
      // Shrinkage: the expected crashes lie between the class's prediction and the window's own count.
      expect(s.ebExpected).toBeGreaterThanOrEqual(Math.min(s.predicted, s.crashes) - 0.001);
      expect(s.ebExpected).toBeLessThanOrEqual(Math.max(s.predicted, s.crashes) + 0.001);
      expect(s.excess).toBeCloseTo(s.ebExpected - s.predicted, 2);
    }
    expect(list[0]!.excess).toBeGreaterThan(0);
    // One prediction per road class and basis (all DOH kilometre windows are one class).
    const byClass = new Map<string, Set<number>>();
    for (const s of list) {
      const key = `${s.basis} ${s.basis === 'km' ? 'doh' : s.roadClass}`;
      byClass.set(key, (byClass.get(key) ?? new Set()).add(s.predicted));
    }
    for (const [key, predictions] of byClass) expect(predictions.size, key).toBe(1);
    // The same windows rank differently by raw crashes: EB is not the count under another name.
    const byCrashes = await sections('?rankBy=crashes&limit=100');
    expect(byCrashes.sections.map((s) => s.excess)).not.toEqual(list.map((s) => s.excess));
  });

  it('narrows to a province and to a source', async () => {
    const all = await sections();
    const chachoengsao = await sections('?area=TH24&limit=500');
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes c WHERE ST_Intersects(c.location, (SELECT geom FROM areas WHERE code = 'TH24'))`,
    );
    expect(chachoengsao.coverage.filtered).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(chachoengsao.totalSections).toBeLessThan(all.totalSections);
    // Chachoengsao lies between 12.9° and 14.1° N, 100.9° and 102.1° E.
    for (const s of chachoengsao.sections) {
      expect(s.location.lat).toBeGreaterThan(12.8);
      expect(s.location.lat).toBeLessThan(14.2);
      expect(s.location.lon).toBeGreaterThan(100.8);
      expect(s.location.lon).toBeLessThan(102.2);
    }

    const doh = await sections('?source=doh_csv&limit=500');
    expect(doh.coverage.filtered).toBe(3002);
    expect(doh.sections.every((s) => s.years.join() === '2012')).toBe(true);
    const fatal = await sections('?source=fatal_points&limit=500');
    expect(fatal.coverage.km).toBe(0);
    expect(fatal.sections.every((s) => s.basis === 'osm_line')).toBe(true);
    expect(fatal.sections[0]!.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    // A period keeps the years it holds; a window's years are its sources' years in it, not the whole store's.
    const period = await sections('?source=fatal_points&from=2022-07-01&to=2023-12-31&limit=5');
    expect(period.sections.length).toBeGreaterThan(0);
    for (const s of period.sections) expect(s.years).toEqual([2022, 2023]);

    const none = await sections('?source=camera');
    expect(none).toMatchObject({ sections: [], totalSections: 0, blackSpots: 0 });
    expect(none.coverage).toEqual({ filtered: 0, km: 0, osmLine: 0, unplaced: 0 });
  });

  it.each([
    ['lengthM=50', /lengthM/],
    ['lengthM=6000', /lengthM/],
    ['stepM=20', /stepM/],
    ['lengthM=500&stepM=600', /stepM/],
    ['limit=501', /limit/],
    ['weights=fatal:abc', /weights/],
    ['weights=fatal:1,fatal:2', /weights/],
    ['rankBy=injuries', /rankBy/],
    ['area=TH99', /TH99/],
  ])('answers 400 in English and Thai for %s', async (query, reason) => {
    const reply = await get(`/api/crashes/road-sections?${query}`);
    expect(reply.statusCode, reply.body).toBe(400);
    expect(reply.json()).toMatchObject({
      message: expect.stringMatching(reason),
      messageTh: expect.any(String),
    });
  });
});

describe('breakdowns', () => {
  it('totals what a direct SQL sum finds, for all crashes and for a province', async () => {
    for (const [query, where] of [
      ['', 'TRUE'],
      ['?area=TH24', `ST_Intersects(c.location, (SELECT geom FROM areas WHERE code = 'TH24'))`],
    ] as const) {
      const reply = await breakdown(query);
      const direct = await one<CrashBreakdown['total']>(
        `SELECT count(*)::int AS crashes, coalesce(sum(deaths), 0)::int AS deaths,
                coalesce(sum(serious_injuries), 0)::int AS serious, coalesce(sum(minor_injuries), 0)::int AS minor
         FROM crashes c WHERE ${where}`,
      );
      expect(reply.total, query).toEqual(direct);
      const dated = sum(reply.byYearMonth.map((m) => m.crashes));
      const yearOnly = sum(reply.yearOnly.map((y) => y.crashes));
      expect(dated + yearOnly).toBe(direct.crashes);
      expect(sum(reply.byCause.map((c) => c.crashes))).toBe(direct.crashes);
      expect(sum(reply.byCrashType.map((c) => c.deaths))).toBe(direct.deaths);
      expect(sum(reply.byWeather.map((c) => c.crashes))).toBe(direct.crashes);
      expect(sum(reply.byVehicle.map((c) => c.crashes))).toBeGreaterThanOrEqual(direct.crashes);
    }
  });

  it('gives months and year-only crashes with Buddhist Era years', async () => {
    const reply = await breakdown();
    expect(reply.byYearMonth.map((m) => m.year)).toEqual(Array(12).fill(2012));
    expect(reply.byYearMonth.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(reply.yearOnly.map((y) => [y.year, y.yearBe])).toEqual([
      [2021, 2564],
      [2022, 2565],
      [2023, 2566],
      [2024, 2567],
      [2025, 2568],
    ]);
    expect(sum(reply.yearOnly.map((y) => y.crashes))).toBe(11_931);
  });

  it('sums the weekday × hour matrix to the crashes with a time', async () => {
    const reply = await breakdown();
    expect(reply.hourByWeekday).toHaveLength(7);
    for (const row of reply.hourByWeekday) expect(row).toHaveLength(24);
    const { n } = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM crashes WHERE occurred_at IS NOT NULL',
    );
    expect(sum(reply.hourByWeekday.flat())).toBe(n);
    // Bangkok time: Sundays at 08:00 local, counted directly.
    const { sunday8 } = await one<{ sunday8: number }>(
      `SELECT count(*)::int AS sunday8 FROM crashes
       WHERE extract(dow FROM occurred_at AT TIME ZONE 'Asia/Bangkok') = 0
         AND extract(hour FROM occurred_at AT TIME ZONE 'Asia/Bangkok') = 8`,
    );
    expect(reply.hourByWeekday[0]![8]).toBe(sunday8);
  });

  it('labels causes, crash types, vehicles and weather in Thai and English', async () => {
    const reply = await breakdown();
    expect(reply.byCause[0]).toMatchObject({ code: 'speeding', th: 'ขับรถเร็วเกินอัตรากำหนด', en: 'Speeding' });
    for (const cause of reply.byCause) {
      expect(cause.th).not.toBe('');
      expect(cause.en).not.toBe('');
    }
    expect(reply.byCause.find((c) => c.code === 'drunk')).toMatchObject({
      th: 'เมาสุรา',
      en: 'Drunk driving',
    });
    // Crashes without a cause, and with one the vocabulary does not know, keep a label.
    expect(reply.byCause.find((c) => c.code === 'unknown')).toMatchObject({ en: 'Unknown' });
    const foreign = reply.byCause.find((c) => c.code === 'illegal_overtaking');
    if (foreign) expect(foreign).toMatchObject({ th: 'illegal_overtaking', en: 'illegal_overtaking' });
    expect(reply.byVehicle.find((v) => v.code === 'motorcycle')).toMatchObject({ th: 'รถจักรยานยนต์' });
    // The fatal-crash points record no vehicle or weather.
    expect(reply.byVehicle.find((v) => v.code === 'unknown')!.crashes).toBeGreaterThanOrEqual(11_931);
    expect(reply.byWeather.find((w) => w.code === 'rain')).toMatchObject({ th: 'ฝนตก', en: 'Rain' });
    expect(reply.byCrashType.find((t) => t.code === 'rear_end')).toMatchObject({ en: 'Rear-end collision' });
  });

  it('narrows with the filter and refuses an unknown area in English and Thai', async () => {
    const fatal = await breakdown('?severity=fatal&source=doh_csv');
    const { n } = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE source = 'doh_csv' AND deaths > 0`,
    );
    expect(fatal.total.crashes).toBe(n);
    expect(fatal.yearOnly).toEqual([]);
    const none = await breakdown('?source=camera');
    expect(none).toMatchObject({
      total: { crashes: 0, deaths: 0, serious: 0, minor: 0 },
      byCause: [],
      byVehicle: [],
    });
    expect(sum(none.hourByWeekday.flat())).toBe(0);
    const reply = await get('/api/crashes/breakdown?area=TH99');
    expect(reply.statusCode).toBe(400);
    expect(reply.json()).toMatchObject({
      message: expect.stringMatching(/TH99/),
      messageTh: expect.stringMatching(/TH99/),
    });
  });
});

describe('roles', () => {
  it('lets admins and planners run the analyses and refuses operators, police and viewers', async () => {
    for (const url of ['/api/crashes/road-sections?limit=1', '/api/crashes/breakdown']) {
      for (const role of ['admin', 'planner'] as const)
        expect((await get(url, role)).statusCode, role).toBe(200);
      for (const role of ['operator', 'police', 'viewer'] as const)
        expect((await get(url, role)).statusCode, role).toBe(403);
    }
  });
});
