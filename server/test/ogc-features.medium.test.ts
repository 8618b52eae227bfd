// Medium: the crash store as OGC API - Features, read by a real client — GDAL's `ogrinfo` (the library QGIS uses) —
// on the real server with the real crash data: the layer, its feature count and fields, paging through every
// feature; the filters as query parameters; planners and admins only; bad parameters answer 400. And the CSV and
// GeoJSON exports of the same filtered crashes.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OgcCollection, OgcFeatureCollection, Role } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

const run = promisify(execFile);
let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;
let base: string;

const get = (url: string, role: Role = 'planner') =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[role]}` } });

/** ogrinfo reading the service as a planner (GDAL sends the header on every request); its errors in the failure. */
async function ogrinfo(...args: string[]): Promise<string> {
  const header = ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${tokens.planner}`];
  try {
    const { stdout } = await run('ogrinfo', ['-ro', ...header, ...args], {
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw new Error(`ogrinfo ${args.join(' ')}: ${stderr}`, { cause: error });
  }
}

beforeAll(async () => {
  server = await startCrashApp({ listen: true });
  ({ app, tokens } = server);
  const address = app.server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('OGC API - Features read by ogrinfo', () => {
  it('lists the crashes layer with every crash and its fields', async () => {
    const { rows } = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    const summary = await ogrinfo('-so', `OAPIF:${base}/ogc`, 'crashes');
    expect(summary).toMatch(/Layer name: crashes/);
    expect(summary).toMatch(/Geometry: Point/);
    expect(summary).toContain(`Feature Count: ${rows[0]!.n}`);
    for (const field of ['occurredAt', 'yearBe', 'severity', 'deaths', 'causeTh', 'causeEn', 'roadCode'])
      expect(summary).toMatch(new RegExp(`^${field}: `, 'm'));
    expect(summary).not.toMatch(/plate|licen/i);
  }, 120_000);

  it('pages through a spatial filter to the last feature, the filter sent to the server as bbox', async () => {
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE location && ST_MakeEnvelope(100.0, 13.4, 101.6, 14.2, 4326)`,
    );
    // Pages of 100 read through the "next" links (GDAL asks with limit and bbox on every page).
    const listing = await ogrinfo(
      ...['-oo', 'PAGE_SIZE=100', '-al', '-q', '-spat', '100.0', '13.4', '101.6', '14.2'],
      `OAPIF:${base}/ogc/collections/crashes`,
    );
    const features = listing.match(/^OGRFeature\(/gm) ?? [];
    expect(rows[0]!.n).toBeGreaterThan(300);
    expect(features).toHaveLength(rows[0]!.n);
  }, 120_000);
});

describe('OGC API - Features over HTTP', () => {
  it('describes the collection with its extent, and answers the conformance classes', async () => {
    const collection = (await get('/ogc/collections/crashes')).json<OgcCollection>();
    expect(collection.extent.spatial.bbox[0]![0]).toBeGreaterThan(97);
    expect(collection.links.map((l) => l.rel)).toContain('items');
    const conformance = (await get('/ogc/conformance')).json<{ conformsTo: string[] }>();
    expect(conformance.conformsTo).toContain(
      'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
    );
  });

  it('filters by bbox, datetime and the planners’ filters, with next and prev links that keep them', async () => {
    const page = await get(
      '/ogc/collections/crashes/items?bbox=100.5,13.4,101.6,14.0&severity=fatal&limit=5&offset=5',
    );
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toMatch(/application\/geo\+json/);
    const body = page.json<OgcFeatureCollection>();
    expect(body.numberReturned).toBe(5);
    expect(body.features.every((f) => (f.properties.deaths as number) > 0)).toBe(true);
    const next = body.links.find((l) => l.rel === 'next')!;
    expect(next.href).toMatch(/offset=10/);
    expect(next.href).toMatch(/severity=fatal/);
    expect(body.links.find((l) => l.rel === 'prev')!.href).toMatch(/offset=0/);
    const day = (
      await get(
        '/ogc/collections/crashes/items?datetime=2012-01-01T00:00:00%2B07:00/2012-01-01T23:59:59%2B07:00',
      )
    ).json<OgcFeatureCollection>();
    const { rows } = await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM crashes WHERE (occurred_at AT TIME ZONE 'Asia/Bangkok')::date = '2012-01-01'`,
    );
    expect(day.numberMatched).toBe(rows[0]!.n);
  });

  it('answers 400 for bad parameters and 404 for an unknown collection or feature', async () => {
    for (const url of [
      '/ogc/collections/crashes/items?bbox=1,2,3',
      '/ogc/collections/crashes/items?bbox=101,14,100,13',
      '/ogc/collections/crashes/items?datetime=yesterday',
      '/ogc/collections/crashes/items?limit=0',
      '/ogc/collections/crashes/items?unknown=1',
    ])
      expect((await get(url)).statusCode, url).toBe(400);
    expect((await get('/ogc/collections/elephants/items')).statusCode).toBe(404);
    expect((await get('/ogc/collections/crashes/items/999999999')).statusCode).toBe(404);
  });

  it('serves planners and admins only', async () => {
    expect((await get('/ogc/collections/crashes/items?limit=1', 'admin')).statusCode).toBe(200);
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await get('/ogc/collections/crashes/items?limit=1', role)).statusCode, role).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/ogc' })).statusCode).toBe(401);
  });
});

describe('crash exports', () => {
  it('writes the filtered crashes as CSV that Excel reads: BOM, Thai and English headers, every row', async () => {
    const reply = await get('/api/crashes/export.csv?area=TH24');
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toMatch(/text\/csv/);
    expect(reply.headers['content-disposition']).toMatch(
      /attachment; filename="crashes-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(reply.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const records = parse(reply.body, { bom: true }) as string[][];
    const header = records[0]!;
    expect(header).toContain('มูลเหตุสันนิษฐาน');
    expect(header).toContain('deaths / ผู้เสียชีวิต');
    const { rows } = await app.db.query<{ n: number; deaths: number }>(
      `SELECT count(*)::int AS n, sum(deaths)::int AS deaths FROM crashes c
       JOIN areas a ON a.code = 'TH24' AND ST_Intersects(c.location, a.geom)`,
    );
    expect(records).toHaveLength(rows[0]!.n + 1);
    const deathsColumn = header.indexOf('deaths / ผู้เสียชีวิต');
    expect(records.slice(1).reduce((sum, r) => sum + Number(r[deathsColumn]), 0)).toBe(rows[0]!.deaths);
  });

  it('writes every crash as GeoJSON across its pages, and refuses other roles', async () => {
    const reply = await get('/api/crashes/export.geojson');
    expect(reply.statusCode).toBe(200);
    const collection = reply.json<{ features: { id: string }[] }>();
    const { rows } = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM crashes');
    expect(rows[0]!.n).toBeGreaterThan(5_000); // more than one page
    expect(new Set(collection.features.map((f) => f.id)).size).toBe(rows[0]!.n);
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await get('/api/crashes/export.csv', role)).statusCode, role).toBe(403);
    expect((await get('/api/crashes/export.csv?area=TH9999')).statusCode).toBe(400);
  });
});
