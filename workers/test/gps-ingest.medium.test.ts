// Medium: GPS devices through the real server, Redis stream, GPS worker and PostGIS — OsmAnd and batch ingest, device auth,
// malformed and flood refusals counted per device, the filters, day partitions, Redis latest and the socket relays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { buildApp } from '@toc/server/app';
import { createPool, type Pool } from '@toc/server/db/pool';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { upsertUser } from '@toc/server/repositories/users.repository';
import { hashPassword } from '@toc/server/services/passwords';
import {
  CHANNELS,
  type BusDelta,
  type GpsDevice,
  type StopArrivalsMessage,
  type Vehicle,
} from '@toc/server/schemas';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import { loadWorkerConfig } from '../src/config';
import { FixStream } from '../src/gps/fix-stream';
import { GpsWorker } from '../src/gps/gps-worker';
import { PartitionManager } from '../src/gps/partition-manager';
import { bangkokDay } from '../src/gps/partitions';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let workerDb: Pool;
let worker: GpsWorker;
let baseUrl: string;
const tokens: Record<string, string> = {};
const workerErrors: string[] = [];
const devices: Record<string, { device: GpsDevice; key: string }> = {};
const vehicles: Record<string, Vehicle> = {};

const auth = (role: string) => ({ authorization: `Bearer ${tokens[role]}` });
const until = async <T>(
  probe: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const rowsOf = async (name: string) =>
  (
    await app.db.query<{ fix_time: Date; current: boolean; lat: number; speed_kmh: number | null }>(
      'SELECT fix_time, current, ST_Y(location) AS lat, speed_kmh FROM gps_positions WHERE device_id = $1 ORDER BY fix_time',
      [devices[name]!.device.id],
    )
  ).rows;
const deviceStats = async (name: string) =>
  (
    await app.inject({
      method: 'GET',
      url: `/api/gps/devices/${devices[name]!.device.id}`,
      headers: auth('viewer'),
    })
  ).json() as GpsDevice;
const batch = (entries: Array<{ name: string; fixes: unknown[]; key?: string }>) =>
  app.inject({
    method: 'POST',
    url: '/api/gps/batch',
    payload: {
      devices: entries.map((e) => ({
        id: devices[e.name]!.device.uniqueId,
        key: e.key ?? devices[e.name]!.key,
        fixes: e.fixes,
      })),
    },
  });
const isoAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
const busState = async (vehicle: string) => {
  const json = await redis.hget(busKeys(schema.schema).busState, String(vehicles[vehicle]!.id));
  return json ? JSON.parse(json) : undefined;
};

function connect(namespace: string, token?: string): Promise<Socket> {
  const socket = io(`${baseUrl}${namespace}`, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.on('connect', () => resolve(socket));
    socket.on('connect_error', reject);
  });
}

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(
    testConfig(schema.databaseUrl, {
      queuePrefix: schema.schema,
      gpsOsmandBurst: 5,
      gpsOsmandPerSecond: 0.2,
    }),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  for (const role of ['admin', 'viewer', 'police'] as const) {
    await upsertUser(app.db, {
      username: role,
      displayName: role,
      role,
      passwordHash: await hashPassword(`pw-${role}`),
    });
    tokens[role] = (
      await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: role, password: `pw-${role}` },
      })
    ).json().token;
  }
  redis = new Redis(requireEnv('REDIS_URL'));
  workerDb = createPool(schema.databaseUrl, 4);
  const config = loadWorkerConfig({
    ...process.env,
    DATABASE_URL: schema.databaseUrl,
    QUEUE_PREFIX: schema.schema,
  });
  worker = new GpsWorker({
    config: { ...config.gps, transit: false, consumer: 'test' },
    queuePrefix: schema.schema,
    db: workerDb,
    redis,
    log: (level, message, detail) =>
      level === 'error' && workerErrors.push(`${message} ${JSON.stringify(detail)}`),
  });
  await worker.start();

  for (const label of ['CCS-01', 'CCS-02']) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: auth('admin'),
      payload: { label, plate: `10-${label.slice(-2)}`, electric: true },
    });
    expect(created.statusCode).toBe(201);
    vehicles[label] = created.json();
  }
  const bound: Record<string, string | null> = { osm: 'CCS-01', filters: 'CCS-02', flood: null, bad: null };
  for (const [name, label] of Object.entries(bound)) {
    const created = await app.inject({
      method: 'POST',
      url: '/api/gps/devices',
      headers: auth('admin'),
      payload: { uniqueId: `dev-${name}`, vehicleId: label ? vehicles[label]!.id : null },
    });
    expect(created.statusCode).toBe(201);
    devices[name] = created.json();
  }
});

afterAll(async () => {
  await worker?.stop();
  await workerDb?.end();
  await app?.close();
  await redis?.quit();
  await schema?.drop();
});

describe('fleet administration', () => {
  it('lets admins write and the control room read, never showing keys', async () => {
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/vehicles',
          headers: auth('viewer'),
          payload: { label: 'X' },
        })
      ).statusCode,
    ).toBe(403);
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: auth('admin'),
      payload: { label: 'CCS-01' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().messageTh).toMatch(/มี/);
    const list = await app.inject({ method: 'GET', url: '/api/gps/devices', headers: auth('viewer') });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/key/i);
    expect(list.json().map((d: GpsDevice) => d.vehicleLabel)).toContain('CCS-01');
    expect(
      (await app.inject({ method: 'GET', url: '/api/gps/devices', headers: auth('police') })).statusCode,
    ).toBe(403);
    const { rows } = await app.db.query(
      "SELECT action FROM audit_log WHERE action LIKE 'vehicle.%' OR action LIKE 'gps_device.%'",
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['vehicle.create', 'gps_device.create']),
    );
  });

  it('rotates a key: the old one stops working', async () => {
    const rotated = await app.inject({
      method: 'POST',
      url: `/api/gps/devices/${devices.bad!.device.id}/rotate-key`,
      headers: auth('admin'),
    });
    expect(rotated.statusCode).toBe(200);
    const old = devices.bad!.key;
    devices.bad!.key = rotated.json().key;
    expect(
      (await batch([{ name: 'bad', key: old, fixes: [{ lat: 13.7, lon: 101.1, timestamp: isoAgo(1) }] }]))
        .statusCode,
    ).toBe(401);
  });
});

describe('ingest', () => {
  it('accepts OsmAnd by GET and by POST (form and header key), converts knots, and stores the fixes', async () => {
    const { uniqueId } = devices.osm!.device;
    const t = Math.floor(Date.now() / 1000);
    const get = await app.inject({
      method: 'GET',
      url: `/api/gps/osmand?id=${uniqueId}&key=${devices.osm!.key}&lat=13.6900&lon=101.0700&timestamp=${t - 20}&speed=10&bearing=90&accuracy=5`,
    });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ accepted: 1 });
    const post = await app.inject({
      method: 'POST',
      url: '/api/gps/osmand',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-device-key': devices.osm!.key },
      payload: `id=${uniqueId}&location=13.6902,101.0700&timestamp=${new Date((t - 10) * 1000).toISOString()}`,
    });
    expect(post.statusCode).toBe(200);
    // OsmAnd's own client POSTs with the fields in the query and no body.
    const bare = await app.inject({
      method: 'POST',
      url: `/api/gps/osmand?id=${uniqueId}&key=${devices.osm!.key}&lat=13.6903&lon=101.07&timestamp=${t - 5}`,
    });
    expect(bare.statusCode).toBe(200);
    const rows = await until(
      async () => (await rowsOf('osm')).length === 3 && rowsOf('osm'),
      'three stored OsmAnd fixes',
    );
    expect(rows.map((r) => r.current)).toEqual([true, true, true]);
    expect(rows[0]!.speed_kmh).toBeCloseTo(18.52, 2);
    const state = await until(
      async () => (await busState('CCS-01'))?.lat === 13.6903 && busState('CCS-01'),
      'the bus in Redis',
    );
    expect(state).toMatchObject({ label: 'CCS-01', electric: true, lat: 13.6903, state: 'unassigned' });
    // last_fix_at is written in batches, about once a second.
    await until(async () => (await deviceStats('osm')).lastFixAt !== null, 'last_fix_at');
  });

  it('refuses unknown devices and wrong keys with 401', async () => {
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/gps/osmand?id=nobody&key=x&lat=13&lon=101',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().messageTh).toMatch(/อุปกรณ์/);
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/gps/osmand?id=${devices.osm!.device.uniqueId}&key=wrong&lat=13&lon=101`,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('refuses malformed fixes with the reason in English and Thai, and counts them per device', async () => {
    const osm = await app.inject({
      method: 'GET',
      url: `/api/gps/osmand?id=dev-bad&key=${devices.bad!.key}&lat=north&lon=101`,
    });
    expect(osm.statusCode).toBe(400);
    expect(osm.json()).toMatchObject({
      message: expect.stringMatching(/lat is not a number/),
      messageTh: expect.stringMatching(/ไม่ใช่ตัวเลข/),
    });
    const json = await batch([{ name: 'bad', fixes: [{ lat: 'north', lon: 101, timestamp: isoAgo(1) }] }]);
    expect(json.statusCode).toBe(400);
    const time = await batch([{ name: 'bad', fixes: [{ lat: 13.7, lon: 101.1, timestamp: 'yesterday' }] }]);
    expect(time.json().message).toMatch(/timestamp/);
    const stats = await until(async () => {
      const s = await deviceStats('bad');
      return s.rejected.malformed === 3 && s;
    }, 'three malformed counted');
    expect(stats.lastRejection).toBe('malformed');
    expect(await rowsOf('bad')).toEqual([]);
  });

  it('limits floods per device with 429 and counts them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const reply = await app.inject({
        method: 'GET',
        url: `/api/gps/osmand?id=dev-flood&key=${devices.flood!.key}&lat=13.7&lon=101.1&timestamp=${Math.floor(Date.now() / 1000) - 60 + i}`,
      });
      statuses.push(reply.statusCode);
      if (reply.statusCode === 429) expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    await until(async () => (await deviceStats('flood')).rejected.rate_limited === 3, 'rate_limited counted');
    // Another device is not affected.
    expect(
      (await batch([{ name: 'osm', fixes: [{ lat: 13.6903, lon: 101.07, timestamp: isoAgo(5) }] }]))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a disabled device with 403 once its key is checked', async () => {
    const id = devices.flood!.device.id;
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/gps/devices/${id}`,
          headers: auth('admin'),
          payload: { enabled: false },
        })
      ).json().enabled,
    ).toBe(false);
    const refused = await batch([
      { name: 'flood', fixes: [{ lat: 13.7, lon: 101.1, timestamp: isoAgo(1) }] },
    ]);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messageTh).toMatch(/ปิดใช้งาน/);
  });
});

describe('filters and storage', () => {
  it('refuses zero, invalid, duplicate, future, too old and jumping fixes, and keeps late ones as history only', async () => {
    const start = isoAgo(60);
    const reply = await batch([
      {
        name: 'filters',
        fixes: [
          { lat: 13.69, lon: 101.07, timestamp: start, speed: 30 },
          { lat: 0, lon: 0, timestamp: isoAgo(58) },
          { lat: 95, lon: 101.07, timestamp: isoAgo(57) },
          { lat: 13.69, lon: 101.07, timestamp: start },
          { lat: 13.69, lon: 101.07, timestamp: new Date(Date.now() + 600_000).toISOString() },
          { lat: 13.69, lon: 101.07, timestamp: isoAgo(8 * 86_400) },
          { lat: 13.8, lon: 101.07, timestamp: isoAgo(50) },
          { lat: 13.6905, lon: 101.07, timestamp: Math.floor(Date.now() / 1000) - 40 },
          { lat: 13.68, lon: 101.07, timestamp: Date.now() - 120_000 },
        ],
      },
    ]);
    expect(reply.json()).toEqual({ accepted: 9 });
    const rows = await until(
      async () => (await rowsOf('filters')).length === 3 && rowsOf('filters'),
      'three stored fixes',
    );
    expect(rows.map((r) => [r.lat, r.current])).toEqual([
      [13.68, false],
      [13.69, true],
      [13.6905, true],
    ]);
    const stats = await until(async () => {
      const s = await deviceStats('filters');
      return Object.keys(s.rejected).length === 6 && s;
    }, 'rejections counted');
    expect(stats.rejected).toEqual({
      zero_coordinates: 1,
      invalid_coordinates: 1,
      duplicate: 1,
      future_timestamp: 1,
      too_old: 1,
      impossible_jump: 1,
    });
    const state = await until(async () => {
      const s = await busState('CCS-02');
      return s?.lat === 13.6905 && s;
    }, 'the latest current fix in Redis');
    expect(state.speedKmh).toBeNull();
  });

  it('creates the day partitions it needs (Bangkok days), ahead and on demand, and drops expired ones', async () => {
    const threeDaysAgo = Date.now() - 3 * 86_400_000;
    expect(
      (await batch([{ name: 'filters', fixes: [{ lat: 13.69, lon: 101.07, timestamp: threeDaysAgo }] }]))
        .statusCode,
    ).toBe(200);
    const manager = new PartitionManager(app.db);
    const wanted = [
      bangkokDay(threeDaysAgo),
      bangkokDay(Date.now()),
      bangkokDay(Date.now() + 86_400_000),
    ].map((d) => `gps_positions_${d}`);
    await until(async () => {
      const names = await manager.list();
      return wanted.every((w) => names.includes(w));
    }, 'partitions');
    const old = bangkokDay(Date.now() - 100 * 86_400_000);
    await manager.ensure([old]);
    expect(await manager.maintain(Date.now(), 1, 90)).toEqual([`gps_positions_${old}`]);
    expect(await manager.list()).not.toContain(`gps_positions_${old}`);
  });
});

describe('live', () => {
  it('sends every bus on buses.watch, then deltas after new fixes; GET /api/buses lists them', async () => {
    const socket = await connect('', tokens.viewer);
    const deltas: BusDelta[] = [];
    socket.on('buses.delta', (delta: BusDelta) => deltas.push(delta));
    expect(await socket.emitWithAck('buses.watch', { enabled: true })).toMatchObject({ ok: true });
    await until(async () => deltas.length > 0, 'the first delta');
    expect(deltas[0]!.upsert.map((b) => b.label).sort()).toEqual(['CCS-01', 'CCS-02']);
    const reply = await batch([
      { name: 'osm', fixes: [{ lat: 13.6911, lon: 101.0701, timestamp: isoAgo(1), speed: 25, bearing: 45 }] },
    ]);
    expect(reply.statusCode).toBe(200);
    const moved = await until(
      async () => deltas.flatMap((d) => d.upsert).find((b) => b.lat === 13.6911),
      'the delta with the new fix',
    );
    expect(moved).toMatchObject({ vehicleId: vehicles['CCS-01']!.id, speedKmh: 25, bearingDeg: 45 });
    const buses = await app.inject({ method: 'GET', url: '/api/buses', headers: auth('police') });
    expect(buses.json().find((b: { vehicleId: number }) => b.vehicleId === vehicles['CCS-01']!.id).lat).toBe(
      13.6911,
    );
    socket.close();
  });

  it('removes a deleted vehicle from the live map', async () => {
    const socket = await connect('', tokens.viewer);
    const deltas: BusDelta[] = [];
    socket.on('buses.delta', (delta: BusDelta) => deltas.push(delta));
    await socket.emitWithAck('buses.watch', { enabled: true });
    const id = vehicles['CCS-02']!.id;
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/vehicles/${id}`, headers: auth('admin') })).statusCode,
    ).toBe(204);
    await until(async () => deltas.some((d) => d.remove.includes(id)), 'the removal');
    expect(await busState('CCS-02')).toBeUndefined();
    socket.close();
  });

  it('relays stop arrivals to signed-in and public watchers; the public namespace offers nothing else', async () => {
    const board: StopArrivalsMessage = {
      feedId: 1,
      stopId: 'S1',
      at: new Date().toISOString(),
      arrivals: [],
    };
    await redis.set(busKeys(schema.schema).stopArrivals(1, 'S1'), JSON.stringify(board));
    const signedIn = await connect('', tokens.viewer);
    const pub = await connect('/public');
    const got: Record<string, StopArrivalsMessage[]> = { signedIn: [], pub: [] };
    signedIn.on('stop.arrivals', (m: StopArrivalsMessage) => got.signedIn!.push(m));
    pub.on('stop.arrivals', (m: StopArrivalsMessage) => got.pub!.push(m));

    expect(await signedIn.emitWithAck('stops.watch', { stops: [{ feedId: 1, stopId: 'S1' }] })).toEqual({
      ok: true,
      count: 1,
    });
    expect(await pub.emitWithAck('stop.watch', { feedId: 1, stopId: 'S1' })).toEqual({ ok: true });
    await until(async () => got.signedIn!.length === 1 && got.pub!.length === 1, 'the current boards');

    expect(await pub.emitWithAck('buses.watch', { enabled: true })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Only stop.watch/),
    });
    expect(await pub.emitWithAck('stop.watch', { feedId: 'one', stopId: 'S1' })).toMatchObject({ ok: false });
    for (const stopId of ['S2', 'S3', 'S4'])
      expect(await pub.emitWithAck('stop.watch', { feedId: 1, stopId })).toEqual({ ok: true });
    expect(await pub.emitWithAck('stop.watch', { feedId: 1, stopId: 'S5' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/At most 4/),
    });

    await redis.publish(
      CHANNELS.stopArrivals,
      JSON.stringify({ ...board, at: new Date(Date.now() + 1000).toISOString() }),
    );
    await until(async () => got.signedIn!.length === 2 && got.pub!.length === 2, 'the relayed boards');
    await expect(connect('', undefined)).rejects.toThrow(/unauthorized/);
    signedIn.close();
    pub.close();
  });

  it('skips a bad stream entry and carries on', async () => {
    await redis.xadd(busKeys(schema.schema).fixes, '*', 'fixes', '{"not": "fixes"');
    expect(
      (await batch([{ name: 'osm', fixes: [{ lat: 13.6912, lon: 101.0701, timestamp: isoAgo(0.5) }] }]))
        .statusCode,
    ).toBe(200);
    await until(async () => (await busState('CCS-01'))?.lat === 13.6912, 'the fix after the bad entry');
    expect(worker.stats.badEntries).toBe(1);
    // Acknowledged entries are deleted: the stream holds only what is not stored yet.
    await until(async () => (await redis.xlen(busKeys(schema.schema).fixes)) === 0, 'an empty stream');
  });

  it('after a restart, reads the entries it had not acknowledged once, then new ones', async () => {
    const key = `${schema.schema}:restart-test`;
    const entry = (lat: number) =>
      JSON.stringify({
        receivedAt: isoAgo(0),
        fixes: [
          {
            deviceId: 'x',
            lat,
            lon: 101,
            fixTime: isoAgo(0),
            speedKmh: null,
            bearingDeg: null,
            altitudeM: null,
            accuracyM: null,
          },
        ],
      });
    const connections = [redis.duplicate(), redis.duplicate()];
    const first = new FixStream(connections[0]!, key, 'c1');
    await first.init();
    for (const lat of [1, 2, 3]) await redis.xadd(key, '*', 'fixes', entry(lat));
    const taken = await first.read(2, 50, 100);
    expect(taken.fixes.map((f) => f.fix.lat)).toEqual([1, 2]);
    // The process "dies" without acknowledging; its successor has the same consumer name.
    const second = new FixStream(connections[1]!, key, 'c1');
    await second.init();
    await redis.xadd(key, '*', 'fixes', entry(4));
    const lats: number[] = [];
    for (let i = 0; i < 4; i++) {
      const batch = await second.read(10, 20, 50);
      lats.push(...batch.fixes.map((f) => f.fix.lat));
      await second.ack(batch.ids);
    }
    expect(lats).toEqual([1, 2, 3, 4]);
    await redis.del(key);
    for (const connection of connections) connection.disconnect();
  });

  it('logged no worker errors', () => {
    expect(workerErrors).toEqual([]);
  });
});
