// Medium: the road bins counted ahead (crash_road_bins) on the real crash data in PostGIS — the ranking read from them
// equals the ranking counted from the crashes for every option that lets them answer, the coverage equals a direct
// count, and the triggers keep the bins and their totals equal to the crashes through inserts, snaps, changes and
// deletes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EPDO_WEIGHTS } from '../src/crashes/epdo';
import type { CrashFilter } from '../src/crashes/crash-filter';
import {
  rankRoadSections,
  sectionCoverage,
  type RoadSectionOptions,
} from '../src/repositories/crash-rankings.repository';
import { binsAnswer } from '../src/repositories/crash-sections.sql';
import { startCrashApp, type CrashApp } from './crash-data';

let server: CrashApp;

beforeAll(async () => {
  server = await startCrashApp();
}, 300_000);

afterAll(async () => {
  await server?.close();
});

const DEFAULTS: RoadSectionOptions = {
  filter: {},
  lengthM: 500,
  stepM: 100,
  weights: DEFAULT_EPDO_WEIGHTS,
  rankBy: 'epdo',
  minCrashes: 3,
  minDeaths: null,
  basis: 'all',
  overlapping: false,
  limit: 60,
};
const RECENT_FATAL: CrashFilter = { from: '2021-01-01', to: '2023-12-31', severities: ['fatal'] };

describe('the ranking from the road bins (and their totals with no filter)', () => {
  it.each<[string, Partial<RoadSectionOptions>]>([
    ['the defaults', {}],
    ['km posts only, ranked by crashes', { basis: 'km', rankBy: 'crashes' }],
    ['OSM lines, 1 km every 200 m', { basis: 'osm_line', lengthM: 1000, stepM: 200 }],
    ['overlapping windows by deaths', { overlapping: true, rankBy: 'deaths', limit: 200 }],
    ['Empirical Bayes excess', { rankBy: 'eb_excess' }],
    ['700 m every 200 m (a window is not a whole number of steps)', { lengthM: 700, stepM: 200 }],
    ['300 m every 300 m (windows side by side)', { lengthM: 300, stepM: 300 }],
    ['2021–2023, fatal', { filter: RECENT_FATAL }],
    [
      'one source, other weights',
      { filter: { sources: ['doh_csv'] }, weights: { ...DEFAULT_EPDO_WEIGHTS, fatal: 100 } },
    ],
    ['a black spot by deaths', { minDeaths: 2 }],
  ])('equals the ranking counted from the crashes: %s', async (_name, change) => {
    const options = { ...DEFAULTS, ...change };
    expect(binsAnswer(options)).toBe(true);
    const fromBins = await rankRoadSections(server.app.db, options);
    const fromCrashes = await rankRoadSections(server.app.db, { ...options, countFromCrashes: true });
    expect(fromBins.sections.length).toBeGreaterThan(0);
    // The mean place of a window's crashes is summed in another order: it may differ in the last of its 6 decimals
    // (the real coordinates have 6, so a mean of two often ends in a half).
    const placeless = (ranked: typeof fromBins) => ({
      ...ranked,
      sections: ranked.sections.map((section) => ({ ...section, location: null })),
    });
    expect(placeless(fromBins)).toEqual(placeless(fromCrashes));
    fromBins.sections.forEach((section, index) => {
      const other = fromCrashes.sections[index]!.location;
      expect(Math.abs(section.location.lon - other.lon)).toBeLessThan(1.5e-6);
      expect(Math.abs(section.location.lat - other.lat)).toBeLessThan(1.5e-6);
    });
  });

  it('leaves filters and windows the bins cannot answer to the crashes', () => {
    expect(binsAnswer({ ...DEFAULTS, filter: { area: 'TH24' } })).toBe(false);
    expect(binsAnswer({ ...DEFAULTS, filter: { from: '2021-03-01' } })).toBe(false);
    expect(binsAnswer({ ...DEFAULTS, filter: { hours: [7] } })).toBe(false);
    expect(binsAnswer({ ...DEFAULTS, lengthM: 250 })).toBe(false);
    expect(binsAnswer({ ...DEFAULTS, stepM: 50 })).toBe(false);
  });

  it('counts the coverage as a direct count of the crashes does', async () => {
    const coverage = await sectionCoverage(server.app.db, RECENT_FATAL);
    const { rows } = await server.app.db.query(
      `SELECT count(*)::int AS filtered,
              count(*) FILTER (WHERE road_code IS NOT NULL AND km IS NOT NULL)::int AS km,
              count(*) FILTER (WHERE NOT (road_code IS NOT NULL AND km IS NOT NULL)
                               AND road_id IS NOT NULL AND road_offset_m IS NOT NULL)::int AS "osmLine"
       FROM crashes WHERE year BETWEEN 2021 AND 2023 AND deaths > 0`,
    );
    const direct = rows[0] as { filtered: number; km: number; osmLine: number };
    expect(direct.filtered).toBeGreaterThan(0);
    expect(coverage).toEqual({ ...direct, unplaced: direct.filtered - direct.km - direct.osmLine });
  });
});

describe('the road bins kept by the triggers', () => {
  /** Rows that differ between the bins as counted from the crashes now and the table the triggers keep. */
  const drift = async () => {
    const { rows } = await server.app.db.query<{ drift: number }>(
      `WITH now AS (
         SELECT p.basis, p.road_key, p.bin, c.year,
                crash_severity(c.deaths, c.serious_injuries, c.minor_injuries) AS severity, c.source,
                count(*)::int AS crashes, sum(c.deaths)::int AS deaths, sum(c.serious_injuries)::int AS serious,
                sum(c.minor_injuries)::int AS minor
         FROM crashes c CROSS JOIN LATERAL (
           SELECT CASE WHEN c.road_code IS NOT NULL AND c.km IS NOT NULL THEN 'km'
                       WHEN c.road_id IS NOT NULL AND c.road_offset_m IS NOT NULL THEN 'osm_line'
                       ELSE 'unplaced' END COLLATE "C" AS basis,
                  CASE WHEN c.road_code IS NOT NULL AND c.km IS NOT NULL THEN c.road_code
                       WHEN c.road_id IS NOT NULL AND c.road_offset_m IS NOT NULL THEN c.road_id::text
                       ELSE '' END COLLATE "C" AS road_key,
                  CASE WHEN c.road_code IS NOT NULL AND c.km IS NOT NULL THEN floor(c.km::numeric * 10)::int
                       WHEN c.road_id IS NOT NULL AND c.road_offset_m IS NOT NULL
                         THEN floor(c.road_offset_m / 100)::int
                       ELSE 0 END AS bin
         ) p
         GROUP BY 1, 2, 3, 4, 5, 6
       ), kept AS (
         SELECT basis, road_key, bin, year, severity, source, crashes, deaths, serious, minor FROM crash_road_bins
       )
       SELECT (SELECT count(*) FROM (SELECT * FROM now EXCEPT SELECT * FROM kept) a)::int
            + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM now) b)::int AS drift`,
    );
    // The totals per bin (migration 027) are the bins summed over years, severities and sources.
    const { rows: totals } = await server.app.db.query<{ drift: number }>(
      `WITH summed AS (
         SELECT basis, road_key, bin, sum(crashes)::int AS crashes, sum(deaths)::int AS deaths,
                sum(serious)::int AS serious, sum(minor)::int AS minor,
                coalesce(sum(crashes) FILTER (WHERE severity = 'fatal'), 0)::int AS fatal_crashes,
                coalesce(sum(crashes) FILTER (WHERE severity = 'serious'), 0)::int AS serious_crashes,
                coalesce(sum(crashes) FILTER (WHERE severity = 'minor'), 0)::int AS minor_crashes,
                coalesce(sum(crashes) FILTER (WHERE severity = 'damage_only'), 0)::int AS damage_only_crashes
         FROM crash_road_bins GROUP BY basis, road_key, bin
       ), kept AS (
         SELECT basis, road_key, bin, crashes, deaths, serious, minor, fatal_crashes, serious_crashes, minor_crashes,
                damage_only_crashes
         FROM crash_road_bin_totals
       )
       SELECT (SELECT count(*) FROM (SELECT * FROM summed EXCEPT SELECT * FROM kept) a)::int
            + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM summed) b)::int AS drift`,
    );
    return rows[0]!.drift + totals[0]!.drift;
  };

  it('keeps them equal to the crashes through inserts, snaps, changes and deletes', async () => {
    const db = server.app.db;
    expect(await drift()).toBe(0);
    const total = async () =>
      (await db.query<{ n: number }>('SELECT coalesce(sum(crashes), 0)::int AS n FROM crash_road_bins'))
        .rows[0]!.n;
    const before = await total();
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO crashes (source, source_key, year, location, road_code, km, deaths)
       SELECT 'doh_csv', 'bins-test-' || n, 2012, ST_SetSRID(ST_MakePoint(101.07, 13.69), 4326),
              CASE WHEN n = 3 THEN NULL ELSE '304' END, 12.3 + n / 10.0, 1
       FROM generate_series(1, 3) n RETURNING id`,
    );
    const ids = rows.map((row) => row.id);
    expect(await total()).toBe(before + 3);
    expect(await drift()).toBe(0);
    // The crash with no road code snapped onto a line, another moved along its road, a third's outcome changed,
    // and an update that changes nothing the bins count (a note).
    const { rows: line } = await db.query<{ id: number }>('SELECT id FROM roads ORDER BY id LIMIT 1');
    await db.query('UPDATE crashes SET road_id = $1, road_offset_m = 250.5 WHERE id = $2', [
      line[0]!.id,
      ids[2],
    ]);
    await db.query('UPDATE crashes SET km = 40.05 WHERE id = $1', [ids[0]]);
    await db.query('UPDATE crashes SET deaths = 0, serious_injuries = 2 WHERE id = $1', [ids[1]]);
    await db.query(`UPDATE crashes SET notes = ARRAY['checked'] WHERE id = ANY($1)`, [ids]);
    expect(await drift()).toBe(0);
    await db.query('DELETE FROM crashes WHERE id = ANY($1)', [ids]);
    expect(await total()).toBe(before);
    expect(await drift()).toBe(0);
    const { rows: empty } = await db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM crash_road_bins WHERE crashes <= 0)
            + (SELECT count(*) FROM crash_road_bin_totals WHERE crashes <= 0) AS n`,
    );
    expect(Number(empty[0]!.n)).toBe(0);
  });
});
