// Medium: the crash maps on real PostGIS with the real crash data — the heatmap tile over Chachoengsao, decoded with a
// real vector-tile reader, counts exactly the crashes direct SQL finds in the hexagons touching it (filtered too, read
// from the cells counted ahead or from the crashes), the cells follow inserts, moves and deletes, a tile at sea is
// empty, bad tile addresses are 400s; DBSCAN clusters match a direct ST_ClusterDBSCAN; planners only.
import { VectorTile } from '@mapbox/vector-tile';
import type { FastifyInstance } from 'fastify';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EPDO_WEIGHTS } from '../src/crashes/epdo';
import { cellsAnswer } from '../src/repositories/crash-cells.sql';
import { HEATMAP_LAYER } from '../src/repositories/crash-heatmap.repository';
import type { CrashClusterCollection, Role } from '../src/schemas';
import { startCrashApp, type CrashApp } from './crash-data';

interface Tile {
  z: number;
  x: number;
  y: number;
}
type Hexagon = Record<'crashes' | 'deaths' | 'serious' | 'minor' | 'epdo', number>;

let app: FastifyInstance;
let server: CrashApp;
let tokens: Record<Role, string>;

/** The XYZ tile holding a point (Web Mercator, rows from the top). */
function tileAt(lon: number, lat: number, z: number): Tile {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.asinh(Math.tan(phi)) / Math.PI) / 2) * n),
  };
}
const CHACHOENGSAO = tileAt(101.07, 13.69, 9);

const get = (url: string, role: Role = 'planner') =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[role]}` } });
const tileUrl = ({ z, x, y }: Tile, query = '') => `/api/crashes/heatmap/${z}/${x}/${y}.mvt${query}`;

/** The tile's hexagons, read with @mapbox/vector-tile: every feature a polygon. */
function hexagons(body: Buffer): Hexagon[] {
  const layer = new VectorTile(new PbfReader(body)).layers[HEATMAP_LAYER];
  expect(layer, 'the crashes layer').toBeDefined();
  expect(layer!.extent).toBe(4096);
  const features = Array.from({ length: layer!.length }, (_, i) => layer!.feature(i));
  expect(features.every((f) => f.type === 3)).toBe(true);
  return features.map((f) => f.properties as Hexagon);
}
const total = (rows: Hexagon[], key: keyof Hexagon) => rows.reduce((sum, row) => sum + row[key], 0);

/**
 * What direct SQL finds among the crashes whose hexagon touches the tile: each crash in the cell of the nearest
 * centre at the zoom's size, the cells whose centre lies within one size of the tile's envelope (a hexagon on the
 * tile's edge shows its whole count, the same in both tiles). `inEnvelope`: the crashes inside the envelope itself.
 */
async function inTile(tile: Tile, where = 'TRUE') {
  const { rows } = await app.db.query<{
    crashes: number;
    deaths: number;
    serious: number;
    fatal: number;
    inEnvelope: number;
  }>(
    `WITH t AS (SELECT ST_TileEnvelope($1, $2, $3) AS env, crash_hex_size($1) AS s),
     placed AS (
       SELECT c.*, cell.i, cell.j, c.location && ST_Transform(t.env, 4326) AS inside
       FROM crashes c CROSS JOIN t
         CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(c.location, 3857) g) m
         CROSS JOIN LATERAL crash_hex_cell(m.x, m.y, t.s) cell
       WHERE ${where}
     )
     SELECT count(*)::int AS crashes, coalesce(sum(deaths), 0)::int AS deaths,
            coalesce(sum(serious_injuries), 0)::int AS serious, count(*) FILTER (WHERE deaths > 0)::int AS fatal,
            count(*) FILTER (WHERE inside)::int AS "inEnvelope"
     FROM placed CROSS JOIN t
     WHERE 1.5 * t.s * i BETWEEN ST_XMin(t.env) - t.s AND ST_XMax(t.env) + t.s
       AND t.s * sqrt(3) * (j + 0.5 * (abs(i) % 2)) BETWEEN ST_YMin(t.env) - t.s AND ST_YMax(t.env) + t.s`,
    [tile.z, tile.x, tile.y],
  );
  return rows[0]!;
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.info(`${what}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

beforeAll(async () => {
  server = await startCrashApp();
  ({ app, tokens } = server);
  await app.db.query('ANALYZE crashes');
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('crash heatmap tiles', () => {
  it('counts in its hexagons every crash of the hexagons touching the Chachoengsao tile at zoom 9', async () => {
    expect(CHACHOENGSAO).toEqual({ z: 9, x: 399, y: 236 });
    const reply = await timed('heatmap tile z9 Chachoengsao', () => get(tileUrl(CHACHOENGSAO)));
    expect(reply.statusCode, reply.body).toBe(200);
    expect(reply.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(reply.headers['cache-control']).toMatch(/max-age=\d+/);
    const rows = hexagons(reply.rawPayload);
    const direct = await inTile(CHACHOENGSAO);
    expect(direct.crashes).toBeGreaterThan(100);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.crashes > 0)).toBe(true);
    expect(total(rows, 'crashes')).toBe(direct.crashes);
    // Every crash inside the tile is among them, and hexagons on its edges add their crashes outside it.
    expect(direct.inEnvelope).toBeGreaterThan(100);
    expect(direct.crashes).toBeGreaterThan(direct.inEnvelope);
    expect(total(rows, 'deaths')).toBe(direct.deaths);
    expect(total(rows, 'serious')).toBe(direct.serious);
    // Every crash in this tile is fatal or not: EPDO at least the fatal crashes' weight.
    expect(total(rows, 'epdo')).toBeGreaterThanOrEqual(direct.fatal * DEFAULT_EPDO_WEIGHTS.fatal);
  });

  it('follows the filter and the EPDO weights', async () => {
    const fatal = hexagons((await get(tileUrl(CHACHOENGSAO, '?severity=fatal'))).rawPayload);
    const expected = await inTile(CHACHOENGSAO, 'deaths > 0');
    expect(total(fatal, 'crashes')).toBe(expected.crashes);
    expect(total(fatal, 'epdo')).toBeCloseTo(expected.crashes * DEFAULT_EPDO_WEIGHTS.fatal, 6);

    const doh = hexagons((await get(tileUrl(CHACHOENGSAO, '?source=doh_csv'))).rawPayload);
    const dohCount = (await inTile(CHACHOENGSAO, `source = 'doh_csv'`)).crashes;
    expect(dohCount).toBeGreaterThan(0);
    expect(total(doh, 'crashes')).toBe(dohCount);
    expect(dohCount).toBeLessThan((await inTile(CHACHOENGSAO)).crashes);

    // Whole years are read from the cells counted ahead, a part of a year is counted from the crashes: both agree.
    const year = hexagons((await get(tileUrl(CHACHOENGSAO, '?from=2012-01-01&to=2012-12-31'))).rawPayload);
    const yearCount = (await inTile(CHACHOENGSAO, `year = 2012`)).crashes;
    expect(yearCount).toBeGreaterThan(0);
    expect(total(year, 'crashes')).toBe(yearCount);
    const spring = hexagons((await get(tileUrl(CHACHOENGSAO, '?from=2012-03-01&to=2012-05-31'))).rawPayload);
    const springCount = (
      await inTile(
        CHACHOENGSAO,
        `(occurred_at AT TIME ZONE 'Asia/Bangkok')::date BETWEEN '2012-03-01' AND '2012-05-31'`,
      )
    ).crashes;
    expect(springCount).toBeGreaterThan(0);
    expect(total(spring, 'crashes')).toBe(springCount);

    const province = hexagons((await get(tileUrl(CHACHOENGSAO, '?area=TH24'))).rawPayload);
    const inProvince = await inTile(
      CHACHOENGSAO,
      `ST_Intersects(location, (SELECT geom FROM areas WHERE code = 'TH24'))`,
    );
    expect(total(province, 'crashes')).toBe(inProvince.crashes);

    const counted = hexagons(
      (await get(tileUrl(CHACHOENGSAO, '?weights=fatal:1,serious:1,minor:1,damage_only:1'))).rawPayload,
    );
    expect(total(counted, 'epdo')).toBeCloseTo(total(counted, 'crashes'), 6);
  });

  it('makes smaller hexagons deeper in, still counting every crash of the tile', async () => {
    const deeper = tileAt(101.07, 13.69, 14);
    const rows = hexagons((await timed('heatmap tile z14', () => get(tileUrl(deeper)))).rawPayload);
    expect(total(rows, 'crashes')).toBe((await inTile(deeper)).crashes);
    expect(cellsAnswer({}, deeper.z)).toBe(false); // counted from the crashes, past the cells' deepest zoom
    const country = tileAt(101, 13, 5);
    const reply = await timed('heatmap tile z5 (most of Thailand)', () => get(tileUrl(country)));
    expect(total(hexagons(reply.rawPayload), 'crashes')).toBe((await inTile(country)).crashes);
    expect(cellsAnswer({}, country.z)).toBe(true);
  });

  it('keeps the cells counted ahead equal to the crashes through inserts, moves, changes and deletes', async () => {
    // Every cell as counted from the crashes now, against the table the triggers keep.
    const drift = async () => {
      const { rows } = await app.db.query<{ drift: number }>(
        `WITH now AS (
           SELECT z::smallint AS z, cell.i, cell.j, c.year, crash_severity(c.deaths, c.serious_injuries, c.minor_injuries)
                  AS severity, c.source, count(*)::int AS crashes, sum(c.deaths)::int AS deaths
           FROM crashes c
             CROSS JOIN LATERAL (SELECT ST_X(g) AS x, ST_Y(g) AS y FROM ST_Transform(c.location, 3857) g) m
             CROSS JOIN generate_series(0, 13) z
             CROSS JOIN LATERAL crash_hex_cell(m.x, m.y, crash_hex_size(z)) cell
           GROUP BY 1, 2, 3, 4, 5, 6
         ), kept AS (SELECT z, i, j, year, severity, source, crashes, deaths FROM crash_heatmap_cells)
         SELECT (SELECT count(*) FROM (SELECT * FROM now EXCEPT SELECT * FROM kept) a)::int
              + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM now) b)::int AS drift`,
      );
      return rows[0]!.drift;
    };
    const tileCrashes = async () => total(hexagons((await get(tileUrl(CHACHOENGSAO))).rawPayload), 'crashes');
    expect(await drift()).toBe(0);
    const before = await tileCrashes();
    const { rows } = await app.db.query<{ id: number }>(
      `INSERT INTO crashes (source, source_key, year, location, deaths)
       SELECT 'doh_csv', 'cells-test-' || n, 2012, ST_SetSRID(ST_MakePoint(101.07, 13.69), 4326), 1
       FROM generate_series(1, 3) n RETURNING id`,
    );
    const ids = rows.map((row) => row.id);
    expect(await tileCrashes()).toBe(before + 3);
    // A move out of the tile, an outcome changed, and an update that moves nothing (a road snap).
    await app.db.query(
      `UPDATE crashes SET location = ST_SetSRID(ST_MakePoint(100.5, 13.75), 4326) WHERE id = $1`,
      [ids[0]],
    );
    await app.db.query(`UPDATE crashes SET deaths = 0, serious_injuries = 2 WHERE id = $1`, [ids[1]]);
    await app.db.query(`UPDATE crashes SET road_distance_m = 5 WHERE id = ANY($1)`, [ids]);
    expect(await tileCrashes()).toBe(before + 2);
    expect(await drift()).toBe(0);
    await app.db.query(`DELETE FROM crashes WHERE id = ANY($1)`, [ids]);
    expect(await tileCrashes()).toBe(before);
    expect(await drift()).toBe(0);
    const { rows: empty } = await app.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM crash_heatmap_cells WHERE crashes <= 0',
    );
    expect(empty[0]!.n).toBe(0);
  });

  it('answers 204 with no body for a tile at sea', async () => {
    const sea = tileAt(88, 8, 9); // the Bay of Bengal
    expect((await inTile(sea)).crashes).toBe(0);
    const reply = await get(tileUrl(sea));
    expect(reply.statusCode).toBe(204);
    expect(reply.rawPayload.length).toBe(0);
  });

  it.each([
    ['a zoom past 20', '/api/crashes/heatmap/21/0/0.mvt'],
    ['a column past 2^z', '/api/crashes/heatmap/9/512/236.mvt'],
    ['a row past 2^z', '/api/crashes/heatmap/2/0/4.mvt'],
    ['a negative row', '/api/crashes/heatmap/9/399/-1.mvt'],
    ['a column that is not a number', '/api/crashes/heatmap/9/abc/236.mvt'],
    ['an unknown area', '/api/crashes/heatmap/9/399/236.mvt?area=TH99'],
    ['bad weights', '/api/crashes/heatmap/9/399/236.mvt?weights=fatal:1,fatal:2'],
  ])('refuses %s with a 400 in English and Thai', async (_what, url) => {
    const reply = await get(url);
    expect(reply.statusCode, reply.body).toBe(400);
    expect(reply.json()).toMatchObject({ message: expect.any(String), messageTh: expect.any(String) });
  });

  it('names the unknown area and the tile range in Thai', async () => {
    expect((await get(tileUrl(CHACHOENGSAO, '?area=TH99'))).json()).toMatchObject({
      messageTh: 'ไม่พบพื้นที่รหัส TH99',
    });
    expect((await get('/api/crashes/heatmap/9/512/236.mvt')).json()).toMatchObject({
      message: 'x and y must be below 512 at zoom 9',
      messageTh: 'x และ y ต้องน้อยกว่า 512 ที่ระดับซูม 9',
    });
  });

  it('is for planners and admins only', async () => {
    for (const role of ['planner', 'admin'] as const)
      expect((await get(tileUrl(CHACHOENGSAO), role)).statusCode, role).toBe(200);
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await get(tileUrl(CHACHOENGSAO), role)).statusCode, role).toBe(403);
    expect((await app.inject({ method: 'GET', url: tileUrl(CHACHOENGSAO) })).statusCode).toBe(401);
  });
});

describe('crash points tiles', () => {
  const pointsUrl = ({ z, x, y }: Tile, query = '') => `/api/crashes/points/${z}/${x}/${y}.mvt${query}`;
  /** The tile's points, with their position in tile units (0–4096 inside the tile). */
  function points(body: Buffer) {
    if (body.length === 0) return [];
    const layer = new VectorTile(new PbfReader(body)).layers['crash-points'];
    expect(layer, 'the crash-points layer').toBeDefined();
    return Array.from({ length: layer!.length }, (_, i) => {
      const feature = layer!.feature(i);
      expect(feature.type).toBe(1);
      const at = (feature.loadGeometry() as { x: number; y: number }[][])[0]![0]!;
      return { id: feature.id, at, properties: feature.properties as Record<string, number | string> };
    });
  }
  /** Every tile of a zoom over a box, its points summed: each cluster lies in one tile only. */
  async function sumOverTiles(z: number, [west, south, east, north]: number[], query = '') {
    const from = tileAt(west!, north!, z);
    const to = tileAt(east!, south!, z);
    let crashes = 0;
    for (let x = from.x; x <= to.x; x += 1)
      for (let y = from.y; y <= to.y; y += 1) {
        const reply = await get(pointsUrl({ z, x, y }, query));
        expect([200, 204]).toContain(reply.statusCode);
        crashes += points(reply.rawPayload).reduce((sum, p) => sum + Number(p.properties.crashes), 0);
      }
    return crashes;
  }
  const count = async (where = 'TRUE') =>
    (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM crashes WHERE ${where}`)).rows[0]!.n;
  const bounds = async (where = 'TRUE') =>
    Object.values(
      (
        await app.db.query<{ w: number; s: number; e: number; n: number }>(
          `SELECT ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n
           FROM (SELECT ST_Extent(location) AS b FROM crashes WHERE ${where}) x`,
        )
      ).rows[0]!,
    );

  it('shows each crash from zoom 14, with its id and what its popup needs', async () => {
    const town = tileAt(101.07, 13.69, 14);
    const inside = points((await get(pointsUrl(town))).rawPayload).filter(
      ({ at }) => at.x >= 0 && at.x < 4096 && at.y >= 0 && at.y < 4096,
    );
    const direct = await inTile(town);
    expect(direct.inEnvelope).toBeGreaterThan(2);
    expect(inside.length).toBe(direct.inEnvelope);
    expect(inside.every((p) => typeof p.id === 'number' && p.properties.crashes === 1)).toBe(true);
    expect(inside[0]!.properties).toMatchObject({
      severity: expect.stringMatching(/^(fatal|serious|minor|damage_only)$/),
      source: expect.any(String),
      year: expect.any(Number),
    });
  });

  it('clusters further out, every crash in exactly one cluster, counted ahead or from the crashes', async () => {
    // No filter: read from the cells counted ahead.
    expect(await sumOverTiles(6, await bounds())).toBe(await count());
    // An area: counted from the crashes.
    const inProvince = `ST_Intersects(location, (SELECT geom FROM areas WHERE code = 'TH24'))`;
    const province = await count(inProvince);
    expect(province).toBeGreaterThan(100);
    expect(await sumOverTiles(9, await bounds(inProvince), '?area=TH24')).toBe(province);
  });

  it('refuses a tile out of range and other roles', async () => {
    const bad = await get('/api/crashes/points/9/512/236.mvt');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ messageTh: 'x และ y ต้องน้อยกว่า 512 ที่ระดับซูม 9' });
    expect((await get(pointsUrl(CHACHOENGSAO), 'operator')).statusCode).toBe(403);
  });
});

describe('crash clusters', () => {
  /** Clusters as direct SQL finds them: how many, and how many crashes are in one. */
  async function directClusters(epsM: number, minPoints: number, where = 'TRUE') {
    const { rows } = await app.db.query<{ clusters: number; clustered: number }>(
      `SELECT count(DISTINCT cluster)::int AS clusters, count(cluster)::int AS clustered
       FROM (SELECT ST_ClusterDBSCAN(ST_Transform(location, 32647), $1, $2) OVER () AS cluster
             FROM crashes WHERE ${where}) labelled`,
      [epsM, minPoints],
    );
    return rows[0]!;
  }

  it('finds the national hot spots within 500 m, each of 3 crashes or more, as direct SQL does', async () => {
    const reply = await timed('clusters epsM=500 minPoints=3, national', () =>
      get('/api/crashes/clusters?epsM=500&minPoints=3&limit=2000'),
    );
    expect(reply.statusCode, reply.body).toBe(200);
    const collection = reply.json<CrashClusterCollection>();
    const direct = await directClusters(500, 3);
    expect(direct.clusters).toBeGreaterThan(0);
    expect(direct.clusters).toBeLessThanOrEqual(2000);
    expect(collection.clusters).toBe(direct.clusters);
    expect(collection.features).toHaveLength(direct.clusters);
    const crashes = collection.features.map((f) => f.properties.crashes);
    expect(Math.min(...crashes)).toBeGreaterThanOrEqual(3);
    expect(crashes.reduce((a, b) => a + b, 0)).toBe(direct.clustered);
    expect(collection.clusteredCrashes).toBe(direct.clustered);
    expect(collection.crashes).toBe((await app.db.query('SELECT count(*)::int AS n FROM crashes')).rows[0].n);

    const epdo = collection.features.map((f) => f.properties.epdo);
    expect(epdo).toEqual([...epdo].sort((a, b) => b - a));
    expect(collection.features.map((f) => f.properties.clusterId)).toEqual(crashes.map((_, i) => i + 1));
    for (const { geometry, properties } of collection.features) {
      expect(geometry.type).toBe('Polygon');
      expect(properties.years).toEqual([...new Set(properties.years)].sort((a, b) => a - b));
    }
  });

  it('draws each cluster round its centroid', async () => {
    const { features } = (await get('/api/crashes/clusters?limit=50')).json<CrashClusterCollection>();
    const { rows } = await app.db.query<{ inside: boolean }>(
      `SELECT ST_Covers(ST_GeomFromGeoJSON(f->>'geometry'),
                        ST_Point((f->'properties'->'centroid'->>'lon')::float8,
                                 (f->'properties'->'centroid'->>'lat')::float8, 4326)) AS inside
       FROM jsonb_array_elements($1::jsonb) AS f`,
      [JSON.stringify(features)],
    );
    expect(rows).toHaveLength(50);
    expect(rows.every((row) => row.inside)).toBe(true);
  });

  it('follows the filter, and keeps the totals beyond the limit', async () => {
    const doh = (
      await get('/api/crashes/clusters?epsM=300&minPoints=4&source=doh_csv')
    ).json<CrashClusterCollection>();
    const direct = await directClusters(300, 4, `source = 'doh_csv'`);
    expect(doh.clusters).toBe(direct.clusters);
    expect(doh.clusteredCrashes).toBe(direct.clustered);
    expect(doh.crashes).toBe(3002);

    const top = (await get('/api/crashes/clusters?limit=5')).json<CrashClusterCollection>();
    expect(top.features).toHaveLength(5);
    expect(top.clusters).toBe((await directClusters(500, 3)).clusters);
  });

  it.each([
    ['epsM below 10', 'epsM=5'],
    ['epsM above 5000', 'epsM=6000'],
    ['epsM not a number', 'epsM=far'],
    ['minPoints below 2', 'minPoints=1'],
    ['limit above 2000', 'limit=2001'],
    ['an unknown area', 'area=TH99'],
  ])('refuses %s with a 400 in English and Thai', async (_what, query) => {
    const reply = await get(`/api/crashes/clusters?${query}`);
    expect(reply.statusCode, reply.body).toBe(400);
    expect(reply.json()).toMatchObject({ message: expect.any(String), messageTh: expect.any(String) });
  });

  it('is for planners and admins only', async () => {
    for (const role of ['operator', 'police', 'viewer'] as const)
      expect((await get('/api/crashes/clusters?limit=1', role)).statusCode, role).toBe(403);
    expect((await get('/api/crashes/clusters?limit=1', 'admin')).statusCode).toBe(200);
  });
});
