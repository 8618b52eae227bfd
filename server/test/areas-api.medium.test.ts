// Medium: the area lists the planners' filter is built from, from the real boundary files in PostGIS — provinces, a
// province's districts, a district's sub-districts, each with a bounding box that holds its shape; an unknown parent
// answers 400 in English and Thai; the control-room and police roles are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAreas } from '../src/crashes/areas';
import type { AreaList, ErrorReply } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

let server: CrashApp;

beforeAll(async () => {
  server = await startCrashApp({ crashes: false });
  await ensureAreas(server.app.db, server.app.config.sharedDir);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const list = async (url: string) => {
  const reply = await server.get(url);
  expect(reply.statusCode, reply.body).toBe(200);
  return reply.json<AreaList>();
};

describe('GET /api/areas', () => {
  it('lists the provinces, Chachoengsao among them with a box around its shape', async () => {
    const provinces = await list('/api/areas');
    const { rows } = await server.app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM areas WHERE level = 'province'",
    );
    expect(provinces).toHaveLength(rows[0]!.n);
    expect(provinces.every((p) => p.level === 'province' && p.parent === null)).toBe(true);
    const chachoengsao = provinces.find((p) => p.code === 'TH24')!;
    expect(chachoengsao.nameTh).toBe('ฉะเชิงเทรา');
    const [west, south, east, north] = chachoengsao.bbox;
    // The city of Chachoengsao lies inside the province's box.
    expect(west).toBeLessThan(101.07);
    expect(east).toBeGreaterThan(101.07);
    expect(south).toBeLessThan(13.69);
    expect(north).toBeGreaterThan(13.69);
  });

  it("lists a province's districts and a district's sub-districts, and nothing else", async () => {
    const districts = await list('/api/areas?parent=TH24');
    expect(districts.length).toBeGreaterThanOrEqual(11);
    expect(
      districts.every((d) => d.level === 'district' && d.parent === 'TH24' && d.code.startsWith('TH24')),
    ).toBe(true);
    const muang = districts.find((d) => d.code === 'TH2401')!;
    const subdistricts = await list(`/api/areas?parent=${muang.code}`);
    expect(subdistricts.length).toBeGreaterThan(5);
    expect(subdistricts.every((s) => s.level === 'subdistrict' && s.parent === 'TH2401')).toBe(true);
  });

  it('refuses an unknown parent and a malformed one with a reason, and roles without the analyses', async () => {
    const unknown = await server.get('/api/areas?parent=TH99');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<ErrorReply>().messageTh).toContain('TH99');
    expect((await server.get('/api/areas?parent=x;drop')).statusCode).toBe(400);
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await server.get('/api/areas', role)).statusCode).toBe(403);
    expect((await server.get('/api/areas', 'admin')).statusCode).toBe(200);
  });
});
