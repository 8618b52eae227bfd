// Medium: a vehicle's history on real PostGIS: its track exported as GeoJSON and GPX, and its stop calls (audited).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { importGtfs } from '../src/gtfs/gtfs-import';
import type { Role, VehicleStopCalls, VehicleTrack } from '../src/schemas';
import { roleTokens } from './role-tokens';
import { createTestSchema, testConfig } from './test-env';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
const tokens: Partial<Record<Role, string>> = {};
const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });

beforeAll(async () => {
  schema = await createTestSchema();
  const config = testConfig(schema.databaseUrl, { queuePrefix: schema.schema });
  app = await buildApp(config);
  Object.assign(tokens, await roleTokens(app, ['operator', 'viewer', 'police', 'planner']));
  // Real stop and route names for the stop calls.
  await importGtfs(app.db, path.join(config.sharedDir, 'data', 'gtfs', 'caltrain_20160406_gtfs.zip'), { name: 'caltrain' });
});

afterAll(async () => {
  await app?.close();
  await schema?.drop();
});

const auditCount = async (action: string) =>
  (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action])).rows[0]!.n;

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
