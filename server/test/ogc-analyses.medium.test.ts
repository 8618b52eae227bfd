// Medium: the ranked road sections and the Gi* hot spots as OGC API - Features collections, read by a real client —
// GDAL's `ogrinfo` (the library QGIS uses) — on the real server with the real crash data, and compared with the JSON
// API's answer for the same filter: layers, every feature across the pages, the values; paging links, bbox, single
// features, bad parameters (400 in English and Thai) and roles.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CrashHotspotReply,
  ErrorReply,
  OgcCollection,
  OgcFeature,
  OgcFeatureCollection,
  Role,
  RoadSection,
} from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

const run = promisify(execFile);
let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;
let base: string;

const get = (url: string, role: Role = 'planner') =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[role]}` } });
/** A link's path and query (links are absolute, with the host the request named). */
const pathOf = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

/** The JSON API's ranking and hot spots for a query string, as the OGC collections should serve them. */
const jsonSections = async (query: string) =>
  (await get(`/api/crashes/road-sections?limit=500&${query}`)).json<{ sections: RoadSection[] }>().sections;
const jsonHotspots = async (query: string) =>
  (await get(`/api/crashes/hotspots?limit=20000&${query}`)).json<CrashHotspotReply>().features;

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

/** One attribute of every feature ogrinfo listed ("  crashes (Integer) = 7", "  blackSpot (Integer(Boolean)) = 1"). */
const values = (listing: string, field: string) =>
  [...listing.matchAll(new RegExp(`^  ${field} \\([A-Za-z()]+\\) = (.*)$`, 'gm'))].map((m) => m[1]!);
const sum = (numbers: number[]) => numbers.reduce((total, n) => total + n, 0);

beforeAll(async () => {
  server = await startCrashApp({ listen: true });
  ({ app, tokens } = server);
  const address = app.server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('computed OGC collections read by ogrinfo', () => {
  it('lists the road-sections and hotspots layers next to the crashes', async () => {
    const layers = await ogrinfo(`OAPIF:${base}/ogc`);
    expect(layers).toMatch(/^1: crashes .*\(Point\)$/m);
    expect(layers).toMatch(/^2: road-sections .*\(Point\)$/m);
    expect(layers).toMatch(/^3: hotspots .*\(Polygon\)$/m);
  }, 120_000);

  it('reads every ranked section of a filtered ranking across pages, as the JSON API ranks them', async () => {
    const expected = await jsonSections('area=TH24&lengthM=1000');
    expect(expected.length).toBeGreaterThan(20);
    // The filter and ranking settings ride on the layer's URL; pages of 20 follow the next links.
    const listing = await ogrinfo(
      ...['-oo', 'PAGE_SIZE=20', '-al'],
      `OAPIF:${base}/ogc/collections/road-sections?area=TH24&lengthM=1000`,
    );
    expect(listing).toMatch(/Geometry: Point/);
    expect(listing).toContain(`Feature Count: ${expected.length}`);
    // Typed by the collection's JSON Schema, not guessed from a first page of one basis.
    for (const field of [
      'fromKm: Real',
      'toM: Real',
      'epdo: Real',
      'roadId: Integer',
      'blackSpot: Integer(Boolean)',
    ])
      expect(listing).toContain(`\n${field} `);
    expect(values(listing, 'rank').map(Number)).toEqual(expected.map((s) => s.rank));
    expect(values(listing, 'crashes').map(Number)).toEqual(expected.map((s) => s.crashes));
    expect(values(listing, 'epdo').map(Number)).toEqual(expected.map((s) => s.epdo));
    expect(values(listing, 'roadCode')[0]).toBe(expected[0]!.roadCode ?? '(null)');
    expect(values(listing, 'years')[0]).toBe(expected[0]!.years.join(','));
    expect(values(listing, 'blackSpot').filter((v) => v === 'true' || v === '1')).toHaveLength(
      expected.filter((s) => s.blackSpot).length,
    );
  }, 120_000);

  it('reads every hot-spot hexagon of a province as the JSON API scores them', async () => {
    const expected = await jsonHotspots('area=TH24');
    expect(expected.length).toBeGreaterThan(20);
    const listing = await ogrinfo(
      ...['-oo', 'PAGE_SIZE=100', '-al'],
      `OAPIF:${base}/ogc/collections/hotspots?area=TH24`,
    );
    expect(listing).toMatch(/Geometry: Polygon/);
    expect(listing).toContain(`Feature Count: ${expected.length}`);
    for (const field of ['crashes: Integer', 'z: Real', 'p: Real', 'class: String'])
      expect(listing).toContain(`\n${field} `);
    expect(listing.match(/^\s+POLYGON \(\(/gm)).toHaveLength(expected.length);
    expect(sum(values(listing, 'crashes').map(Number))).toBe(sum(expected.map((f) => f.properties.crashes)));
    expect(sum(values(listing, 'deaths').map(Number))).toBe(sum(expected.map((f) => f.properties.deaths)));
    const classes = (list: string[]) => list.filter((c) => c.startsWith('hot_')).length;
    expect(classes(values(listing, 'class'))).toBe(classes(expected.map((f) => f.properties.class)));
  }, 120_000);
});

describe('computed OGC collections over HTTP', () => {
  it('describes both collections with their extent and items link', async () => {
    const { collections } = (await get('/ogc/collections')).json<{ collections: OgcCollection[] }>();
    expect(collections.map((c) => c.id)).toEqual(['crashes', 'road-sections', 'hotspots']);
    for (const id of ['road-sections', 'hotspots']) {
      const collection = (await get(`/ogc/collections/${id}`)).json<OgcCollection>();
      expect(collection.id).toBe(id);
      expect(collection.extent.spatial.bbox[0]![0]).toBeGreaterThan(97);
      expect(pathOf(collection.links.find((l) => l.rel === 'items')!.href)).toBe(
        `/ogc/collections/${id}/items`,
      );
    }
  });

  it('pages a ranking with next and prev links that keep the filter and settings', async () => {
    const expected = await jsonSections('area=TH24&rankBy=crashes');
    const first = (
      await get('/ogc/collections/road-sections/items?area=TH24&rankBy=crashes&limit=5')
    ).json<OgcFeatureCollection>();
    expect(first.numberMatched).toBe(expected.length);
    expect(first.numberReturned).toBe(5);
    expect(first.links.some((l) => l.rel === 'prev')).toBe(false);
    const next = first.links.find((l) => l.rel === 'next')!.href;
    expect(next).toMatch(/offset=5/);
    expect(next).toMatch(/area=TH24/);
    expect(next).toMatch(/rankBy=crashes/);
    const reply = await get(pathOf(next));
    expect(reply.headers['content-type']).toMatch(/application\/geo\+json/);
    const second = reply.json<OgcFeatureCollection>();
    expect(second.features.map((f) => f.id)).toEqual([6, 7, 8, 9, 10]);
    expect(second.features.map((f) => f.properties.crashes)).toEqual(
      expected.slice(5, 10).map((s) => s.crashes),
    );
    expect(second.links.find((l) => l.rel === 'prev')!.href).toMatch(/offset=0/);
    // The last page has no next link.
    const last = (
      await get(`/ogc/collections/road-sections/items?area=TH24&rankBy=crashes&offset=${expected.length - 2}`)
    ).json<OgcFeatureCollection>();
    expect(last.numberReturned).toBe(2);
    expect(last.links.some((l) => l.rel === 'next')).toBe(false);
  });

  it('keeps the sections and hexagons in a bbox', async () => {
    const bbox = [100.9, 13.4, 101.4, 13.9] as const;
    const inside = ({ lon, lat }: { lon: number; lat: number }) =>
      lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
    const sections = (
      await get(`/ogc/collections/road-sections/items?bbox=${bbox.join(',')}&limit=500`)
    ).json<OgcFeatureCollection>();
    const expected = (await jsonSections('')).filter((s) => inside(s.location));
    expect(expected.length).toBeGreaterThan(0);
    expect(sections.features.map((f) => f.id)).toEqual(expected.map((s) => s.rank));
    const hexagons = (
      await get(`/ogc/collections/hotspots/items?area=TH24&bbox=${bbox.join(',')}&limit=10000`)
    ).json<OgcFeatureCollection>();
    const all = await jsonHotspots('area=TH24');
    expect(hexagons.numberMatched).toBeGreaterThan(0);
    expect(hexagons.numberMatched).toBeLessThan(all.length);
    for (const feature of hexagons.features) {
      const ring = (feature.geometry.coordinates as number[][][])[0]!;
      expect(ring.some(([lon, lat]) => inside({ lon: lon!, lat: lat! }))).toBe(true);
    }
  });

  it('answers a single section by rank and a single hexagon by place, in their ranking', async () => {
    const ranking = await jsonSections('');
    const top = (await get('/ogc/collections/road-sections/items/1')).json<OgcFeature>();
    expect(top.properties).toMatchObject({ rank: 1, crashes: ranking[0]!.crashes, epdo: ranking[0]!.epdo });
    const third = (await get('/ogc/collections/road-sections/items/3?area=TH24')).json<OgcFeature>();
    expect(third.properties.crashes).toBe((await jsonSections('area=TH24'))[2]!.crashes);
    const page = (
      await get('/ogc/collections/hotspots/items?area=TH24&limit=3')
    ).json<OgcFeatureCollection>();
    const link = page.features[2]!.links!.find((l) => l.rel === 'self')!.href;
    expect(link).toMatch(/\/hotspots\/items\/3\?.*area=TH24/);
    const hexagon = (await get(pathOf(link))).json<OgcFeature>();
    expect(hexagon).toMatchObject({ id: 3, geometry: page.features[2]!.geometry });
    for (const url of [
      '/ogc/collections/road-sections/items/0',
      '/ogc/collections/road-sections/items/501',
      '/ogc/collections/road-sections/items/400?area=TH24',
      '/ogc/collections/hotspots/items/20001',
      '/ogc/collections/hotspots/items/19999?area=TH24',
    ]) {
      const reply = await get(url);
      expect(reply.statusCode, url).toBe(404);
      expect(reply.json<ErrorReply>().messageTh, url).toMatch(/ไม่พบ/);
    }
  });

  it('answers 400 in English and Thai for bad parameters', async () => {
    for (const url of [
      '/ogc/collections/road-sections/items?lengthM=200&stepM=500',
      '/ogc/collections/road-sections/items?area=TH9999',
      '/ogc/collections/road-sections/items?bbox=101,14,100,13',
      '/ogc/collections/road-sections/items?rankBy=speed',
      '/ogc/collections/road-sections/items?weights=fatal:x',
      '/ogc/collections/road-sections/items?limit=0',
      '/ogc/collections/road-sections/items/1?bbox=100,13,101,14',
      '/ogc/collections/hotspots/items?cellM=10',
      '/ogc/collections/hotspots/items?area=TH9999',
      '/ogc/collections/hotspots/items?bbox=1,2,3',
      '/ogc/collections/hotspots/items?lengthM=500',
    ]) {
      const reply = await get(url);
      expect(reply.statusCode, url).toBe(400);
      expect(reply.json<ErrorReply>().messageTh, url).toBeTruthy();
    }
  });

  it('serves planners and admins only', async () => {
    for (const id of ['road-sections', 'hotspots']) {
      expect((await get(`/ogc/collections/${id}/items?limit=1&area=TH24`, 'admin')).statusCode).toBe(200);
      for (const role of ['operator', 'police', 'viewer'] as const)
        expect((await get(`/ogc/collections/${id}/items?limit=1`, role)).statusCode, `${id} ${role}`).toBe(
          403,
        );
      expect((await app.inject({ method: 'GET', url: `/ogc/collections/${id}/items` })).statusCode).toBe(401);
    }
  });
});
