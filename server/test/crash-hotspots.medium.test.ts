// Medium: Gi* hot spots on the real crash data over the real server, checked against an independent computation —
// the hexagons found by plain polygon containment, neighbours by centre distance, the statistic in the test itself.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashHotspotReply, Role } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;

const hotspots = (query: string, role: Role = 'planner') =>
  app.inject({
    method: 'GET',
    url: `/api/crashes/hotspots?${query}`,
    headers: { authorization: `Bearer ${tokens[role]}` },
  });

beforeAll(async () => {
  server = await startCrashApp();
  ({ app, tokens } = server);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/** Every hexagon of the province with its crashes, by containment, and Gi* computed here. */
async function independentGiStar(cellM: number) {
  const { rows } = await app.db.query<{ x: number; cx: number; cy: number; size: number; key: string }>(
    `WITH region AS (SELECT ST_Transform(geom, 3857) AS g, $1::float8 / cos(radians(ST_Y(ST_Centroid(geom)))) AS size
                     FROM areas WHERE code = 'TH24'),
          grid AS (SELECT h.geom FROM region, ST_HexagonGrid(region.size, region.g) h WHERE ST_Intersects(h.geom, region.g))
     SELECT (SELECT count(*) FROM crashes c, areas a WHERE a.code = 'TH24' AND ST_Intersects(c.location, a.geom)
               AND ST_Intersects(grid.geom, ST_Transform(c.location, 3857)))::int AS x,
            ST_X(ST_Centroid(grid.geom)) AS cx, ST_Y(ST_Centroid(grid.geom)) AS cy,
            (SELECT size FROM region) AS size,
            ST_AsText(ST_SnapToGrid(ST_Transform(ST_Centroid(grid.geom), 4326), 0.0001)) AS key
     FROM grid`,
    [cellM],
  );
  const n = rows.length;
  const mean = rows.reduce((sum, r) => sum + r.x, 0) / n;
  const s = Math.sqrt(rows.reduce((sum, r) => sum + r.x * r.x, 0) / n - mean * mean);
  const reach = Math.sqrt(3) * rows[0]!.size * 1.01;
  const z = new Map<string, number>();
  for (const cell of rows) {
    const around = rows.filter((other) => Math.hypot(other.cx - cell.cx, other.cy - cell.cy) <= reach);
    const w = around.length;
    const wx = around.reduce((sum, r) => sum + r.x, 0);
    z.set(cell.key, (wx - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1))));
  }
  return { n, z, total: rows.reduce((sum, r) => sum + r.x, 0) };
}

describe('Gi* hot spots', () => {
  it('scores the province’s hexagons as an independent computation does', async () => {
    const reply = await hotspots('area=TH24&cellM=2000&limit=20000');
    expect(reply.statusCode, reply.body).toBe(200);
    const result = reply.json<CrashHotspotReply>();
    const expected = await independentGiStar(2000);
    expect(result.regionCells).toBe(expected.n);
    expect(result.features.reduce((sum, f) => sum + f.properties.crashes, 0)).toBe(expected.total);
    const { rows } = await app.db.query<{ key: string; i: number }>(
      `SELECT ST_AsText(ST_SnapToGrid(ST_Centroid(ST_GeomFromGeoJSON(f)), 0.0001)) AS key, i::int
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(f, i)`,
      [JSON.stringify(result.features.map((f) => f.geometry))],
    );
    let compared = 0;
    for (const { key, i } of rows) {
      const z = result.features[i - 1]!.properties.z;
      if (z === null || !expected.z.has(key)) continue;
      expect(z, key).toBeCloseTo(expected.z.get(key)!, 2);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(result.features.length * 0.9);
    expect(result.features[0]!.properties.class).toMatch(/^hot_/);
  }, 120_000);

  it('covers the whole country by default, and narrows to a filter', async () => {
    const all = (await hotspots('limit=20000')).json<CrashHotspotReply>();
    expect(all.region).toBe('TH');
    expect(all.cellM).toBe(5000);
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes c, areas a WHERE a.code = 'TH' AND ST_Intersects(c.location, a.geom)`,
    );
    expect(all.features.reduce((sum, f) => sum + f.properties.crashes, 0)).toBe(rows[0]!.n);
    const fatal = (await hotspots('limit=20000&severity=fatal')).json<CrashHotspotReply>();
    expect(fatal.features.reduce((sum, f) => sum + f.properties.deaths, 0)).toBeGreaterThan(0);
    expect(fatal.features.reduce((sum, f) => sum + f.properties.crashes, 0)).toBeLessThan(rows[0]!.n);
  }, 120_000);

  it('answers 400 for an unknown area and refuses roles other than planners and admins', async () => {
    expect((await hotspots('area=TH9999')).statusCode).toBe(400);
    expect((await hotspots('cellM=10')).statusCode).toBe(400);
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await hotspots('area=TH24', role)).statusCode, role).toBe(403);
  });
});
