// Medium: the planners' crash filter on real PostGIS with the real crash data and boundaries — the province polygon
// finds exactly the published Chachoengsao subset of the fatal-crash points; periods, festivals, weekdays, hours,
// severities and codes select what direct SQL says; a bad drawn polygon is a 400 in English and Thai.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { crashFilterSql, readCrashFilter, type CrashFilter } from '../src/crashes/crash-filter';
import { applyMigrations } from '../src/db/migrate';
import { createPool, type Pool } from '../src/db/pool';
import { HttpError } from '../src/lib/http-error';
import { SqlParams } from '../src/lib/sql-params';
import type { CrashFilterQuery } from '../src/schemas';
import { importRealCrashes } from './crash-data';
import { createTestSchema } from './test-env';

const shared = loadConfig({ ...process.env, DATABASE_URL: 'postgres://unused' }).sharedDir;
let db: Pool;
let schema: Awaited<ReturnType<typeof createTestSchema>>;

async function count(query: CrashFilterQuery): Promise<number> {
  const params = new SqlParams();
  const where = crashFilterSql(readCrashFilter(query), params);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM crashes c WHERE ${where}`,
    params.values,
  );
  return rows[0]!.n;
}
const direct = async (where: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM crashes WHERE ${where}`)).rows[0]!.n;

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 4);
  await applyMigrations(db);
  await importRealCrashes(db, shared);
}, 120_000);

afterAll(async () => {
  await db?.end();
  await schema?.drop();
});

describe('crash filter', () => {
  it('finds by province exactly the published Chachoengsao subset of the fatal-crash points', async () => {
    const subset = JSON.parse(
      await readFile(
        path.join(shared, 'data', 'accidents', 'chachoengsao_highway_fatal_crash_points_2021_2025.geojson'),
        'utf8',
      ),
    ) as { features: unknown[] };
    expect(await count({ area: 'TH24', source: 'fatal_points' })).toBe(subset.features.length);
    // A district is inside its province; the sub-districts of Mueang Chachoengsao add up to the district.
    const province = await count({ area: 'TH24' });
    const district = await count({ area: 'TH2401' });
    expect(district).toBeGreaterThan(0);
    expect(district).toBeLessThan(province);
    expect(await count({ area: 'TH999999' })).toBe(0);
  });

  it('takes a drawn polygon', async () => {
    const box = {
      type: 'Polygon',
      coordinates: [
        [
          [100.9, 13.5],
          [101.4, 13.5],
          [101.4, 13.9],
          [100.9, 13.9],
          [100.9, 13.5],
        ],
      ],
    };
    expect(await count({ polygon: JSON.stringify(box) })).toBe(
      await direct(`location && ST_MakeEnvelope(100.9, 13.5, 101.4, 13.9, 4326)`),
    );
  });

  it('selects periods by the Bangkok day, and year-only crashes by their year', async () => {
    const newYearsDay = await count({ from: '2012-01-01', to: '2012-01-01', source: 'doh_csv' });
    expect(newYearsDay).toBe(
      await direct(`source = 'doh_csv' AND (occurred_at AT TIME ZONE 'Asia/Bangkok')::date = '2012-01-01'`),
    );
    expect(newYearsDay).toBeGreaterThan(0);
    expect(await count({ from: '2022-06-01', to: '2023-05-31', source: 'fatal_points' })).toBe(
      await direct(`source = 'fatal_points' AND year IN (2022, 2023)`),
    );
    expect(await count({ festival: 'songkran' })).toBe(
      await count({ from: '2012-04-11', to: '2012-04-17', source: 'doh_csv' }),
    );
  });

  it('splits by weekday and hour without losing a crash that has a time', async () => {
    const withTime = await direct('occurred_at IS NOT NULL');
    let byWeekday = 0;
    for (let day = 0; day < 7; day += 1) byWeekday += await count({ weekday: String(day) });
    expect(byWeekday).toBe(withTime);
    expect(await count({ hour: Array.from({ length: 24 }, (_, h) => h).join(',') })).toBe(withTime);
  });

  it('selects by severity and by codes', async () => {
    expect(await count({ severity: 'fatal' })).toBe(await direct('deaths > 0'));
    expect(await count({ severity: 'fatal,serious,minor,damage_only' })).toBe(await direct('TRUE'));
    expect(await count({ cause: 'speeding', source: 'doh_csv' })).toBe(
      await direct(`cause = 'speeding' AND source = 'doh_csv'`),
    );
    expect(await count({ vehicle: 'motorcycle' })).toBe(await direct(`'motorcycle' = ANY(vehicle_codes)`));
  });

  it('answers 400 for a drawn area that is not a closed polygon, and a period that ends first', () => {
    const bad: CrashFilterQuery[] = [
      { polygon: 'not json' },
      { polygon: JSON.stringify({ type: 'Point', coordinates: [101, 13] }) },
      {
        polygon: JSON.stringify({
          type: 'Polygon',
          coordinates: [
            [
              [100, 13],
              [101, 13],
              [101, 14],
              [100, 14],
            ],
          ],
        }),
      },
      { from: '2024-02-01', to: '2024-01-01' },
    ];
    for (const query of bad) {
      let error: unknown;
      try {
        readCrashFilter(query);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(query)).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(400);
    }
    const ok: CrashFilter = readCrashFilter({ cause: 'speeding,speeding,drunk' });
    expect(ok.causes).toEqual(['speeding', 'drunk']);
  });
});
