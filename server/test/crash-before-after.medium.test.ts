// Medium: a before/after study on the real 2012 DOH crashes over the real server — counts at a road section and in
// the comparison group equal direct SQL, the periods are equal and stay inside the data, the verdict carries its
// interval or says the numbers are too small; bad sites and dates answer 400 in English and Thai.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BeforeAfterReply, Role } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;

const study = (query: string, role: Role = 'planner') =>
  app.inject({
    method: 'GET',
    url: `/api/crashes/before-after?${query}`,
    headers: { authorization: `Bearer ${tokens[role]}` },
  });
const count = async (where: string) =>
  (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM crashes WHERE ${where}`)).rows[0]!.n;
const bangkok = (from: string, to: string) =>
  `(occurred_at AT TIME ZONE 'Asia/Bangkok')::date BETWEEN '${from}' AND '${to}'`;

beforeAll(async () => {
  server = await startCrashApp();
  ({ app, tokens } = server);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('before/after', () => {
  it('counts a road section and the comparison group in equal periods inside the data', async () => {
    const reply = await study('siteRoad=338&fromKm=0&toKm=30&date=2012-07-01&periodDays=365');
    expect(reply.statusCode, reply.body).toBe(200);
    const result = reply.json<BeforeAfterReply>();
    // The 2012 table ends on 31 December: 184 days after 1 July, so both periods are 184 days.
    expect(result.periods).toEqual({
      days: 184,
      before: { from: '2011-12-30', to: '2012-06-30' },
      after: { from: '2012-07-01', to: '2012-12-31' },
    });
    const section = `road_code = '338' AND km >= 0 AND km < 30`;
    expect(result.site.before).toBe(await count(`${section} AND ${bangkok('2011-12-30', '2012-06-30')}`));
    expect(result.site.after).toBe(await count(`${section} AND ${bangkok('2012-07-01', '2012-12-31')}`));
    expect(result.comparison.before).toBe(
      await count(`NOT coalesce(${section}, false) AND ${bangkok('2011-12-30', '2012-06-30')}`),
    );
    expect(result.site.before + result.site.after).toBeGreaterThan(10);
    expect(['fewer', 'more', 'no_significant_change']).toContain(result.verdict.conclusion);
    expect(result.verdict.interval![0]).toBeLessThan(result.verdict.theta!);
    expect(result.verdict.warnings[0]!.th.length).toBeGreaterThan(0);
  });

  it('says too few for a small site, and counts year-only crashes apart', async () => {
    const result = (await study('siteArea=TH2401&date=2012-07-01&periodDays=90')).json<BeforeAfterReply>();
    expect(result.verdict.conclusion).toBe('too_few');
    expect(result.verdict.message.th).toMatch(/น้อยเกินกว่าจะสรุป/);
    expect(result.yearOnlyAtSite).toBe(
      await count(
        `occurred_at IS NULL AND ST_Intersects(location, (SELECT geom FROM areas WHERE code = 'TH2401'))`,
      ),
    );
  });

  it('answers 400 for no site, two sites, an unknown area, a road without kilometres, or a date past the data', async () => {
    for (const query of [
      'date=2012-07-01',
      'siteArea=TH24&siteRoad=338&fromKm=0&toKm=1&date=2012-07-01',
      'siteArea=TH9999&date=2012-07-01',
      'siteRoad=338&date=2012-07-01',
      'siteRoad=338&fromKm=5&toKm=1&date=2012-07-01',
      'siteArea=TH24&date=2030-01-01&source=doh_csv',
      'sitePolygon=nonsense&date=2012-07-01',
    ]) {
      const reply = await study(query);
      expect(reply.statusCode, query).toBe(400);
      expect(reply.json<{ messageTh: string }>().messageTh.length, query).toBeGreaterThan(0);
    }
  });

  it('is for planners and admins', async () => {
    expect((await study('siteArea=TH24&date=2012-07-01', 'admin')).statusCode).toBe(200);
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await study('siteArea=TH24&date=2012-07-01', role)).statusCode, role).toBe(403);
  });
});
