// Medium: transit read API, bus punctuality report and admin feed upload/delete on real PostGIS.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { importGtfs } from '../src/gtfs/gtfs-import';
import type {
  Role,
  TransitRouteCollection,
  TransitStopCollection,
  TransitStopDetail,
} from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';
import { readZipTexts, writeZip } from './zip-files';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let caltrainZip: string;
const tokens: Partial<Record<Role, string>> = {};
const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });

beforeAll(async () => {
  schema = await createTestSchema();
  // Uploads answer with their report however slow the machine: the 202 of a long import is gtfs-import-jobs' test.
  const config = testConfig(schema.databaseUrl, { queuePrefix: schema.schema, gtfsImportWaitSeconds: 600 });
  caltrainZip = path.join(config.sharedDir, 'data', 'gtfs', 'caltrain_20160406_gtfs.zip');
  app = await buildApp(config);
  Object.assign(tokens, await roleTokens(app, ['admin', 'operator', 'viewer', 'police', 'planner']));
  await importGtfs(app.db, caltrainZip, { name: 'caltrain' });
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

const auditCount = async (action: string) =>
  (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))
    .rows[0]!.n;

describe('transit read API', () => {
  it('lists feeds for every role, not without a login', async () => {
    for (const role of ['viewer', 'planner', 'police'] as const) {
      const reply = await app.inject({ url: '/api/transit/feeds', headers: as(role) });
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toEqual([
        expect.objectContaining({
          name: 'caltrain',
          timezone: 'America/Los_Angeles',
          counts: expect.objectContaining({ stops: 95 }),
        }),
      ]);
    }
    expect((await app.inject({ url: '/api/transit/feeds' })).statusCode).toBe(401);
  });

  it('gives routes with colour, names and their shapes as GeoJSON', async () => {
    const reply = await app.inject({ url: '/api/transit/routes?feed=caltrain', headers: as('viewer') });
    expect(reply.statusCode).toBe(200);
    const routes = reply.json<TransitRouteCollection>();
    expect(routes.features).toHaveLength(4);
    const bullet = routes.features.find((f) => f.properties.routeId === 'Bu-16APR')!;
    expect(bullet.properties).toMatchObject({ longName: 'Baby Bullet', color: 'E31837', routeType: 2 });
    expect(bullet.geometry?.type).toBe('MultiLineString');
    expect(bullet.geometry!.coordinates.length).toBe(bullet.properties.shapeIds.length);
    expect(bullet.geometry!.coordinates[0]!.length).toBeGreaterThan(100);
  });

  it('gives stops as GeoJSON, within a bbox when asked, and refuses a bad bbox or feed', async () => {
    const all = (
      await app.inject({ url: '/api/transit/stops?feed=caltrain', headers: as('viewer') })
    ).json<TransitStopCollection>();
    expect(all.features).toHaveLength(95);
    // San Francisco only: the two 4th & King platforms and their station, and 22nd Street.
    const sf = await app.inject({
      url: '/api/transit/stops?feed=caltrain&bbox=-122.41,37.75,-122.38,37.78',
      headers: as('viewer'),
    });
    expect(sf.statusCode).toBe(200);
    const names = new Set(sf.json<TransitStopCollection>().features.map((f) => f.properties.name));
    expect(names.has('San Francisco Caltrain')).toBe(true);
    expect(
      sf
        .json<TransitStopCollection>()
        .features.every((f) => f.geometry.coordinates[1]! >= 37.75 && f.geometry.coordinates[1]! <= 37.78),
    ).toBe(true);
    const bad = await app.inject({ url: '/api/transit/stops?bbox=10,10,5,5', headers: as('viewer') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().messageTh).toBeTruthy();
    expect(
      (await app.inject({ url: '/api/transit/stops?feed=nosuch', headers: as('viewer') })).statusCode,
    ).toBe(404);
  });

  it('gives a stop with the routes serving it, with or without the feed named', async () => {
    const reply = await app.inject({ url: '/api/transit/stops/70011?feed=caltrain', headers: as('police') });
    expect(reply.statusCode).toBe(200);
    const stop = reply.json<TransitStopDetail>();
    expect(stop).toMatchObject({
      stopId: '70011',
      name: 'San Francisco Caltrain',
      parentStation: 'ctsf',
      feedName: 'caltrain',
      timezone: 'America/Los_Angeles',
    });
    expect(stop.routes.map((r) => r.routeId).sort()).toEqual(['Bu-16APR', 'Li-16APR', 'Lo-16APR']);
    // A station: the routes calling at any of its platforms.
    const station = (
      await app.inject({ url: '/api/transit/stops/ctsf', headers: as('viewer') })
    ).json<TransitStopDetail>();
    expect(station.routes.length).toBe(3);
    expect((await app.inject({ url: '/api/transit/stops/nosuch', headers: as('viewer') })).statusCode).toBe(
      404,
    );
  });
});

describe('bus punctuality report', () => {
  const bangkok = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00+07:00`);
  let routes: string[];

  beforeAll(async () => {
    const feed = (await app.db.query<{ id: number }>("SELECT id FROM gtfs_feeds WHERE name = 'caltrain'")).rows[0]!.id;
    routes = (await app.db.query<{ route_id: string }>('SELECT route_id FROM gtfs_routes WHERE feed_id = $1 ORDER BY route_id LIMIT 2', [feed])).rows.map(
      (r) => r.route_id,
    );
    // Route A at 07:xx: 2 min early, on time three times, nearly 7 min late; route B at 08:xx: on time twice.
    // Left out: a call before the period and one whose delay is unknown.
    const calls: Array<[string, string, number | null]> = [
      [routes[0]!, '07:00', -120],
      [routes[0]!, '07:10', 0],
      [routes[0]!, '07:20', 60],
      [routes[0]!, '07:30', 200],
      [routes[0]!, '07:40', 400],
      [routes[1]!, '08:00', 30],
      [routes[1]!, '08:30', 30],
      [routes[1]!, '08:45', null],
    ];
    for (const [route, at, delay] of [...calls, [routes[1]!, '05:00', 999] as [string, string, number]]) {
      const scheduled = bangkok(at);
      await app.db.query(
        `INSERT INTO bus_stop_visits (feed_id, trip_id, route_id, service_date, stop_id, stop_sequence, arrived_at,
           scheduled_arrival, scheduled_departure, delay_s)
         VALUES ($1, 't', $2, '2026-11-20', 's', 1, $3, $4, $4, $5)`,
        [feed, route, new Date(scheduled.getTime() + (delay ?? 0) * 1000), scheduled, delay],
      );
    }
  });

  const report = (query: string, role: Role = 'planner') => app.inject({ url: `/api/transit/punctuality?${query}`, headers: as(role) });
  const period = `from=${encodeURIComponent('2026-11-20T06:00:00+07:00')}&to=${encodeURIComponent('2026-11-20T12:00:00+07:00')}`;

  it('counts stop calls on time (1 min early to 5 min late), early and late, overall, per route and per Bangkok hour', async () => {
    const reply = await report(`${period}&feed=caltrain`);
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body.window).toEqual({ earlyS: 60, lateS: 300 });
    expect(body.overall).toMatchObject({ calls: 7, onTimePct: 71.4, earlyPct: 14.3, latePct: 14.3, medianDelayS: 30 });
    expect(body.routes).toEqual([
      expect.objectContaining({ routeId: routes[0], calls: 5, onTimePct: 60, earlyPct: 20, latePct: 20, meanDelayS: 108, medianDelayS: 60 }),
      expect.objectContaining({ routeId: routes[1], calls: 2, onTimePct: 100, meanDelayS: 30 }),
    ]);
    expect(body.hours.map((h: { hour: number; calls: number }) => [h.hour, h.calls])).toEqual([
      [7, 5],
      [8, 2],
    ]);
    const one = (await report(`${period}&routeId=${encodeURIComponent(routes[1]!)}`)).json();
    expect(one.routes.map((r: { routeId: string }) => r.routeId)).toEqual([routes[1]]);
    expect(one.overall.calls).toBe(2);
  });

  it('gives CSV for spreadsheets, and says nothing was measured for an empty period', async () => {
    const csv = await report(`${period}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('on time % / ตรงเวลา %');
    expect(csv.body.trim().split('\n')).toHaveLength(1 + 2 + 2 + 1);
    const empty = (await report('from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).json();
    expect(empty).toMatchObject({ overall: null, routes: [], hours: [] });
  });

  it('refuses a reversed or too long period, an unknown feed and the police role, with the reason', async () => {
    const reversed = await report('from=2026-11-20T12:00:00Z&to=2026-11-20T06:00:00Z');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().messageTh).toBeTruthy();
    expect((await report('from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z')).statusCode).toBe(400);
    expect((await report(`${period}&feed=nowhere`)).statusCode).toBe(404);
    expect((await report('from=yesterday&to=today')).statusCode).toBe(400);
    expect((await report(period, 'police')).statusCode).toBe(403);
    expect((await report(period, 'operator')).statusCode).toBe(200);
  });
});

describe('feed upload and removal (admin)', () => {
  it('imports an uploaded zip, reports rejected rows with lines, audits it; others may not', async () => {
    const files = await readZipTexts(caltrainZip);
    files.set('stops.txt', files.get('stops.txt')! + 'bad1,,Bad Lat,95.5,-122.0,,,0,,,\r\n');
    const zip = writeZip(files);
    const headers = { 'content-type': 'application/zip' };
    const refused = await app.inject({
      method: 'POST',
      url: '/api/transit/feeds?name=upload',
      headers: { ...headers, ...as('operator') },
      payload: zip,
    });
    expect(refused.statusCode).toBe(403);

    const reply = await app.inject({
      method: 'POST',
      url: '/api/transit/feeds?name=upload',
      headers: { ...headers, ...as('admin') },
      payload: zip,
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      name: 'upload',
      counts: { stops: 95, rejected: 1 },
      rejected: [{ file: 'stops.txt', line: 97 }],
    });
    expect(await auditCount('gtfs.import')).toBe(1);

    const garbage = await app.inject({
      method: 'POST',
      url: '/api/transit/feeds?name=junk',
      headers: { 'content-type': 'application/octet-stream', ...as('admin') },
      payload: Buffer.from('not a zip'),
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().messageTh).toBeTruthy();
    const badName = await app.inject({
      method: 'POST',
      url: '/api/transit/feeds?name=Bad%20Name',
      headers: { ...headers, ...as('admin') },
      payload: zip,
    });
    expect(badName.statusCode).toBe(400);
    expect(await auditCount('gtfs.import')).toBe(1);

    const id = reply.json().feedId;
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/transit/feeds/${id}`, headers: as('viewer') }))
        .statusCode,
    ).toBe(403);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/transit/feeds/${id}`, headers: as('admin') }))
        .statusCode,
    ).toBe(204);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/transit/feeds/${id}`, headers: as('admin') }))
        .statusCode,
    ).toBe(404);
    expect(await auditCount('gtfs.delete')).toBe(1);
    expect((await app.db.query('SELECT 1 FROM gtfs_stops WHERE feed_id = $1', [id])).rowCount).toBe(0);
  });

  it('refuses a zip bomb, a line without end and an empty feed, and replaces a feed only when asked, changing nothing otherwise', async () => {
    const files = await readZipTexts(caltrainZip);
    const upload = (name: string, zip: Buffer, replace?: boolean) =>
      app.inject({
        method: 'POST',
        url: `/api/transit/feeds?name=${name}${replace === undefined ? '' : `&replace=${replace}`}`,
        headers: { 'content-type': 'application/zip', ...as('admin') },
        payload: zip,
      });
    const stopsOf = async (name: string) =>
      Number(
        (await app.db.query<{ n: string }>('SELECT count(*) AS n FROM gtfs_stops s JOIN gtfs_feeds f ON f.id = s.feed_id WHERE f.name = $1', [name]))
          .rows[0]!.n,
      );
    expect((await upload('guarded', writeZip(files))).statusCode).toBe(200);
    const stops = await stopsOf('guarded');
    expect(stops).toBe(95);

    // The audit's bomb: 20 MB of zeros in one entry, about 20 KB zipped. Refused from the zip's directory, before inflating.
    const bomb = writeZip(new Map([...files, ['stop_times.txt', '0'.repeat(20 * 1024 * 1024)]]));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const bombed = await upload('guarded', bomb, true);
    expect(bombed.statusCode).toBe(400);
    expect(bombed.json()).toMatchObject({ message: expect.stringMatching(/stop_times\.txt inflates \d+×/), messageTh: expect.stringMatching(/ขยายตัว/) });

    // A row with no line break for 500 KB is rejected with its line and reason; the rest of the feed imports.
    const endless = randomBytes(400 * 1024).toString('base64');
    const unending = await upload('endless', writeZip(new Map([...files, ['stop_times.txt', `trip_id,arrival_time\n${endless}`]])));
    expect(unending.statusCode).toBe(200);
    expect(unending.json().rejected).toEqual([
      expect.objectContaining({ file: 'stop_times.txt', line: 2, reason: expect.stringMatching(/CSV syntax: Max Record Size/) }),
    ]);

    // Well formed and empty: it would have wiped the working feed.
    const header = (file: string) => files.get(file)!.split(/\r?\n/)[0]!;
    const empty = new Map([...files].map(([file]) => [file, file === 'agency.txt' ? files.get(file)! : `${header(file)}\n`]));
    const emptied = await upload('guarded', writeZip(empty), true);
    expect(emptied.statusCode).toBe(400);
    expect(emptied.json().message).toMatch(/no usable stops, routes, trips/);

    const taken = await upload('guarded', writeZip(files));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().messageTh).toMatch(/replace=true/);
    expect(await stopsOf('guarded')).toBe(stops);

    expect((await upload('guarded', writeZip(files), true)).statusCode).toBe(200);
    expect(await stopsOf('guarded')).toBe(stops);
  });
});
