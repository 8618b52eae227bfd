// Medium: transit read API, admin feed upload/delete, vehicle track export (GeoJSON, GPX) and stop calls on real PostGIS.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { upsertUser } from '../src/repositories/users.repository';
import { hashPassword } from '../src/services/passwords';
import { importGtfs } from '../src/gtfs/gtfs-import';
import type {
  Role,
  TransitRouteCollection,
  TransitStopCollection,
  TransitStopDetail,
  VehicleStopCalls,
  VehicleTrack,
} from '../src/schemas';
import { createTestSchema, testConfig } from './test-env';
import { readZipTexts, writeZip } from './zip-files';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let caltrainZip: string;
const tokens: Partial<Record<Role, string>> = {};
const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });

beforeAll(async () => {
  schema = await createTestSchema();
  const config = testConfig(schema.databaseUrl, { queuePrefix: schema.schema });
  caltrainZip = path.join(config.sharedDir, 'data', 'gtfs', 'caltrain_20160406_gtfs.zip');
  app = await buildApp(config);
  for (const role of ['admin', 'operator', 'viewer', 'police', 'planner'] as const) {
    await upsertUser(app.db, {
      username: role,
      displayName: role,
      role,
      passwordHash: await hashPassword(`pw-${role}`),
    });
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: role, password: `pw-${role}` },
    });
    tokens[role] = reply.json().token;
  }
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
});

describe('vehicle track export', () => {
  let vehicleId: number;
  const day = '2024-03-15';

  beforeAll(async () => {
    // The GPS worker makes the real partitions; this test makes its own day.
    await app.db.query(
      `CREATE TABLE gps_positions_20240315 PARTITION OF gps_positions FOR VALUES FROM ('2024-03-15 00:00+07') TO ('2024-03-16 00:00+07')`,
    );
    vehicleId = (
      await app.db.query<{ id: number }>(
        `INSERT INTO vehicles (label, plate) VALUES ('Bus <1> & co', 'ฉช 10-1234') RETURNING id`,
      )
    ).rows[0]!.id;
    // Ten fixes a minute apart heading east; the 5th arrived late (current = false) and is kept as history.
    await app.db.query(
      `INSERT INTO gps_positions (device_id, vehicle_id, fix_time, received_at, location, speed_kmh, bearing_deg, altitude_m, accuracy_m, current)
       SELECT 1, $1, t, t + CASE WHEN i = 5 THEN interval '10 minutes' ELSE interval '2 seconds' END,
              ST_SetSRID(ST_MakePoint(101.07 + i * 0.001, 13.69), 4326), 36, 90, 5, 4, i <> 5
         FROM generate_series(0, 9) i, LATERAL (SELECT timestamptz '2024-03-15 08:00+07' + i * interval '1 minute' AS t) x`,
      [vehicleId],
    );
  });

  const url = (format: string, from = `${day}T00:00:00+07:00`, to = `${day}T12:00:00+07:00`) =>
    `/api/vehicles/${vehicleId}/track?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=${format}`;

  it('gives GeoJSON: a LineString in time order and one point per fix, out-of-order ones marked', async () => {
    const reply = await app.inject({ url: url('geojson'), headers: as('planner') });
    expect(reply.statusCode).toBe(200);
    const track = reply.json<VehicleTrack>();
    expect(track.vehicleLabel).toBe('Bus <1> & co');
    const [line, ...fixes] = track.features;
    expect(line!.geometry.type).toBe('LineString');
    expect(line!.geometry.coordinates).toHaveLength(10);
    expect((line!.geometry.coordinates as number[][]).map((c) => c[0])).toEqual(
      [...Array(10).keys()].map((i) => Number((101.07 + i * 0.001).toFixed(7))),
    );
    expect(fixes).toHaveLength(10);
    expect(fixes.filter((f) => f.properties.kind === 'fix' && !f.properties.current)).toHaveLength(1);
    expect(fixes[0]!.properties).toMatchObject({
      time: '2024-03-15T01:00:00.000Z',
      speedKmh: 36,
      bearingDeg: 90,
    });
  });

  it('gives GPX 1.1 with time, elevation, speed (m/s) and course, the label escaped', async () => {
    const reply = await app.inject({ url: url('gpx'), headers: as('police') });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toMatch(/application\/gpx\+xml/);
    expect(reply.headers['content-disposition']).toMatch(
      /attachment; filename="vehicle-Bus__1____co-2024-03-1\d\.gpx"/,
    );
    const gpx = reply.body;
    expect(gpx).toContain('<gpx version="1.1"');
    expect(gpx).toContain('<name>Bus &lt;1&gt; &amp; co</name>');
    expect(gpx.match(/<trkpt /g)).toHaveLength(10);
    expect(gpx).toContain(
      '<trkpt lat="13.69" lon="101.07"><ele>5</ele><time>2024-03-15T01:00:00.000Z</time>',
    );
    expect(gpx).toContain('<gpxtpx:speed>10</gpxtpx:speed><gpxtpx:course>90</gpxtpx:course>');
    expect(await auditCount('vehicle.track_export')).toBeGreaterThanOrEqual(2);
  });

  it('refuses inverted or over-long periods and unknown vehicles, with reasons in both languages', async () => {
    const inverted = await app.inject({
      url: url('geojson', `${day}T12:00:00Z`, `${day}T11:00:00Z`),
      headers: as('viewer'),
    });
    expect(inverted.statusCode).toBe(400);
    const tooLong = await app.inject({
      url: url('geojson', '2024-03-01T00:00:00Z', '2024-03-15T00:00:00Z'),
      headers: as('viewer'),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({
      message: expect.stringMatching(/7 days/),
      messageTh: expect.stringMatching(/7 วัน/),
    });
    const unknown = await app.inject({
      url: `/api/vehicles/99999/track?from=${day}T00:00:00Z&to=${day}T01:00:00Z`,
      headers: as('viewer'),
    });
    expect(unknown.statusCode).toBe(404);
    const badFormat = await app.inject({ url: url('kml'), headers: as('viewer') });
    expect(badFormat.statusCode).toBe(400);
  });

  it('refuses a period holding more than 50,000 positions', async () => {
    await app.db.query(
      `INSERT INTO gps_positions (device_id, vehicle_id, fix_time, received_at, location)
       SELECT 2, $1, timestamptz '2024-03-15 13:00+07' + i * interval '100 milliseconds', now(), ST_SetSRID(ST_MakePoint(101.1, 13.7), 4326)
         FROM generate_series(1, 50001) i`,
      [vehicleId],
    );
    const reply = await app.inject({
      url: url('gpx', `${day}T00:00:00+07:00`, `${day}T23:00:00+07:00`),
      headers: as('viewer'),
    });
    expect(reply.statusCode).toBe(400);
    expect(reply.json().message).toMatch(/50000/);
  });
});

describe('vehicle stop calls', () => {
  let vehicleId: number;
  const at = (hhmm: string) => new Date(`2026-11-21T${hhmm}:00+07:00`);
  const url = (id: number, from: string, to: string) =>
    `/api/vehicles/${id}/stop-calls?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

  beforeAll(async () => {
    vehicleId = (await app.db.query<{ id: number }>(`INSERT INTO vehicles (label) VALUES ('ฉช-07') RETURNING id`)).rows[0]!.id;
    const feed = (await app.db.query<{ id: number }>("SELECT id FROM gtfs_feeds WHERE name = 'caltrain'")).rows[0]!.id;
    const route = (await app.db.query<{ route_id: string }>('SELECT route_id FROM gtfs_routes WHERE feed_id = $1 ORDER BY route_id LIMIT 1', [feed]))
      .rows[0]!.route_id;
    // Three calls of one trip, given out of order: seen standing at the first stop (no arrival), 90 s late at the
    // second, and the end of the trip (no departure). A call of the day before stays out of the period.
    const calls: Array<[string, number, string | null, string | null, string, number]> = [
      ['70021', 2, '07:11:30', '07:12:00', '07:10', 90],
      ['70011', 1, null, '07:00:00', '07:00', 0],
      ['70031', 3, '07:20:00', null, '07:20', 0],
      ['70011', 1, '07:00:00', '07:01:00', '07:00', 60],
    ];
    for (const [index, [stop, sequence, arrived, departed, scheduled, delay]] of calls.entries()) {
      const day = index === 3 ? '2026-11-20' : '2026-11-21';
      const time = (hms: string | null) => (hms === null ? null : new Date(`${day}T${hms}+07:00`));
      await app.db.query(
        `INSERT INTO bus_stop_visits (vehicle_id, feed_id, trip_id, route_id, service_date, stop_id, stop_sequence, arrived_at,
           departed_at, scheduled_arrival, scheduled_departure, delay_s)
         VALUES ($1, $2, 'trip-7', $3, $4, $5, $6, $7, $8, $9, $9, $10)`,
        [vehicleId, feed, route, day, stop, sequence, time(arrived), time(departed), time(`${scheduled}:00`), delay],
      );
    }
  });

  it('lists arrivals and departures in time order with stop names, route and delay', async () => {
    const reply = await app.inject({ url: url(vehicleId, '2026-11-21T06:00:00+07:00', '2026-11-21T12:00:00+07:00'), headers: as('operator') });
    expect(reply.statusCode).toBe(200);
    const body = reply.json<VehicleStopCalls>();
    expect(body.vehicleLabel).toBe('ฉช-07');
    expect(body.calls.map((c) => [c.stopName, c.stopSequence, c.delayS])).toEqual([
      ['San Francisco Caltrain', 1, 0],
      ['22nd St Caltrain', 2, 90],
      [expect.stringMatching(/Caltrain/), 3, 0],
    ]);
    expect(body.calls[0]).toMatchObject({ arrivedAt: null, departedAt: at('07:00').toISOString(), tripId: 'trip-7' });
    expect(body.calls[1]).toMatchObject({
      arrivedAt: new Date('2026-11-21T07:11:30+07:00').toISOString(),
      scheduledArrival: at('07:10').toISOString(),
    });
    expect(body.calls[2]!.departedAt).toBeNull();
    expect(await auditCount('vehicle.stop_calls_view')).toBeGreaterThanOrEqual(1);
  });

  it('gives an empty list for a quiet period, and refuses bad periods, unknown vehicles and anonymous callers', async () => {
    const quiet = await app.inject({ url: url(vehicleId, '2026-11-22T06:00:00+07:00', '2026-11-22T12:00:00+07:00'), headers: as('viewer') });
    expect(quiet.json<VehicleStopCalls>().calls).toEqual([]);
    const inverted = await app.inject({ url: url(vehicleId, '2026-11-21T12:00:00Z', '2026-11-21T11:00:00Z'), headers: as('viewer') });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ message: expect.stringMatching(/before/), messageTh: expect.any(String) });
    const tooLong = await app.inject({ url: url(vehicleId, '2026-11-01T00:00:00Z', '2026-11-21T00:00:00Z'), headers: as('viewer') });
    expect(tooLong.statusCode).toBe(400);
    const notADate = await app.inject({ url: `/api/vehicles/${vehicleId}/stop-calls?from=yesterday&to=today`, headers: as('viewer') });
    expect(notADate.statusCode).toBe(400);
    const unknown = await app.inject({ url: url(99999, '2026-11-21T00:00:00Z', '2026-11-21T01:00:00Z'), headers: as('viewer') });
    expect(unknown.statusCode).toBe(404);
    expect((await app.inject({ url: url(vehicleId, '2026-11-21T00:00:00Z', '2026-11-21T01:00:00Z') })).statusCode).toBe(401);
  });
});
