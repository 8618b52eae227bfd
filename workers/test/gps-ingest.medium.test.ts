// Medium: GPS devices through the real server, Redis stream, GPS worker and PostGIS — fleet administration, OsmAnd
// and batch ingest, device auth, malformed and flood refusals counted per device, the filters and the day partitions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GpsDevice } from '@toc/server/schemas';
import { PartitionManager } from '../src/gps/partition-manager';
import { bangkokDay } from '../src/gps/partitions';
import { isoAgo, startGpsRig, until, type DeviceName, type GpsRig } from './gps-rig';

let rig: GpsRig;

beforeAll(async () => {
  rig = await startGpsRig({ gpsOsmandBurst: 5, gpsOsmandPerSecond: 0.2 });
});

afterAll(async () => {
  await rig?.stop();
});

const rowsOf = async (name: DeviceName) =>
  (
    await rig.app.db.query<{ fix_time: Date; current: boolean; lat: number; speed_kmh: number | null }>(
      'SELECT fix_time, current, ST_Y(location) AS lat, speed_kmh FROM gps_positions WHERE device_id = $1 ORDER BY fix_time',
      [rig.devices[name].device.id],
    )
  ).rows;
const deviceStats = async (name: DeviceName) =>
  (await rig.app.inject({ method: 'GET', url: `/api/gps/devices/${rig.devices[name].device.id}`, headers: rig.auth('viewer') })).json() as GpsDevice;

describe('fleet administration', () => {
  it('lets admins write and the control room read, never showing keys', async () => {
    expect(
      (
        await rig.app.inject({
          method: 'POST',
          url: '/api/vehicles',
          headers: rig.auth('viewer'),
          payload: { label: 'X' },
        })
      ).statusCode,
    ).toBe(403);
    const duplicate = await rig.app.inject({
      method: 'POST',
      url: '/api/vehicles',
      headers: rig.auth('admin'),
      payload: { label: 'CCS-01' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().messageTh).toMatch(/มี/);
    const list = await rig.app.inject({ method: 'GET', url: '/api/gps/devices', headers: rig.auth('viewer') });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/key/i);
    expect(list.json().map((d: GpsDevice) => d.vehicleLabel)).toContain('CCS-01');
    expect(
      (await rig.app.inject({ method: 'GET', url: '/api/gps/devices', headers: rig.auth('police') })).statusCode,
    ).toBe(403);
    const { rows } = await rig.app.db.query(
      "SELECT action FROM audit_log WHERE action LIKE 'vehicle.%' OR action LIKE 'gps_device.%'",
    );
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['vehicle.create', 'gps_device.create']),
    );
  });

  it('rotates a key: the old one stops working', async () => {
    const rotated = await rig.app.inject({
      method: 'POST',
      url: `/api/gps/devices/${rig.devices.bad.device.id}/rotate-key`,
      headers: rig.auth('admin'),
    });
    expect(rotated.statusCode).toBe(200);
    const old = rig.devices.bad.key;
    rig.devices.bad.key = rotated.json().key;
    expect(
      (await rig.batch([{ name: 'bad', key: old, fixes: [{ lat: 13.7, lon: 101.1, timestamp: isoAgo(1) }] }]))
        .statusCode,
    ).toBe(401);
  });
});

describe('ingest', () => {
  it('accepts OsmAnd by GET and by POST (form and header key), converts knots, and stores the fixes', async () => {
    const { uniqueId } = rig.devices.osm.device;
    const t = Math.floor(Date.now() / 1000);
    const get = await rig.app.inject({
      method: 'GET',
      url: `/api/gps/osmand?id=${uniqueId}&key=${rig.devices.osm.key}&lat=13.6900&lon=101.0700&timestamp=${t - 20}&speed=10&bearing=90&accuracy=5`,
    });
    expect(get.statusCode).toBe(200);
    expect(get.json()).toEqual({ accepted: 1 });
    const post = await rig.app.inject({
      method: 'POST',
      url: '/api/gps/osmand',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-device-key': rig.devices.osm.key },
      payload: `id=${uniqueId}&location=13.6902,101.0700&timestamp=${new Date((t - 10) * 1000).toISOString()}`,
    });
    expect(post.statusCode).toBe(200);
    // OsmAnd's own client POSTs with the fields in the query and no body.
    const bare = await rig.app.inject({
      method: 'POST',
      url: `/api/gps/osmand?id=${uniqueId}&key=${rig.devices.osm.key}&lat=13.6903&lon=101.07&timestamp=${t - 5}`,
    });
    expect(bare.statusCode).toBe(200);
    const rows = await until(
      async () => (await rowsOf('osm')).length === 3 && rowsOf('osm'),
      'three stored OsmAnd fixes',
    );
    expect(rows.map((r) => r.current)).toEqual([true, true, true]);
    expect(rows[0]!.speed_kmh).toBeCloseTo(18.52, 2);
    const state = await until(
      async () => (await rig.busState('CCS-01'))?.lat === 13.6903 && rig.busState('CCS-01'),
      'the bus in Redis',
    );
    expect(state).toMatchObject({ label: 'CCS-01', electric: true, lat: 13.6903, state: 'unassigned' });
    // last_fix_at is written in batches, about once a second.
    await until(async () => (await deviceStats('osm')).lastFixAt !== null, 'last_fix_at');
  });

  it('refuses unknown devices and wrong keys with 401', async () => {
    const unknown = await rig.app.inject({
      method: 'GET',
      url: '/api/gps/osmand?id=nobody&key=x&lat=13&lon=101',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().messageTh).toMatch(/อุปกรณ์/);
    const wrong = await rig.app.inject({
      method: 'GET',
      url: `/api/gps/osmand?id=${rig.devices.osm.device.uniqueId}&key=wrong&lat=13&lon=101`,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('refuses malformed fixes with the reason in English and Thai, and counts them per device', async () => {
    const osm = await rig.app.inject({
      method: 'GET',
      url: `/api/gps/osmand?id=dev-bad&key=${rig.devices.bad.key}&lat=north&lon=101`,
    });
    expect(osm.statusCode).toBe(400);
    expect(osm.json()).toMatchObject({
      message: expect.stringMatching(/lat is not a number/),
      messageTh: expect.stringMatching(/ไม่ใช่ตัวเลข/),
    });
    const json = await rig.batch([{ name: 'bad', fixes: [{ lat: 'north', lon: 101, timestamp: isoAgo(1) }] }]);
    expect(json.statusCode).toBe(400);
    const time = await rig.batch([{ name: 'bad', fixes: [{ lat: 13.7, lon: 101.1, timestamp: 'yesterday' }] }]);
    expect(time.json().message).toMatch(/timestamp/);
    // Positions off the globe are refused at the door, not stored for the worker to drop.
    for (const [lat, lon] of [['91', '101'], ['13.7', '-181'], ['1e400', '101']]) {
      const off = await rig.app.inject({ method: 'GET', url: `/api/gps/osmand?id=dev-bad&key=${rig.devices.bad.key}&lat=${lat}&lon=${lon}` });
      expect(off.statusCode, `${lat},${lon}`).toBe(400);
      expect(off.json().message).toMatch(/is outside/);
    }
    const offJson = await rig.batch([{ name: 'bad', fixes: [{ lat: 95, lon: 101.07, timestamp: isoAgo(1) }] }]);
    expect(offJson.statusCode).toBe(400);
    const stats = await until(async () => {
      const s = await deviceStats('bad');
      return s.rejected.malformed === 7 && s;
    }, 'seven malformed counted');
    expect(stats.lastRejection).toBe('malformed');
    expect(await rowsOf('bad')).toEqual([]);
  });

  it('limits floods per device with 429 and counts them', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const reply = await rig.app.inject({
        method: 'GET',
        url: `/api/gps/osmand?id=dev-flood&key=${rig.devices.flood.key}&lat=13.7&lon=101.1&timestamp=${Math.floor(Date.now() / 1000) - 60 + i}`,
      });
      statuses.push(reply.statusCode);
      if (reply.statusCode === 429) expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    await until(async () => (await deviceStats('flood')).rejected.rate_limited === 3, 'rate_limited counted');
    // Another device is not affected.
    expect(
      (await rig.batch([{ name: 'osm', fixes: [{ lat: 13.6903, lon: 101.07, timestamp: isoAgo(5) }] }]))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a disabled device with 403 once its key is checked', async () => {
    const id = rig.devices.flood.device.id;
    expect(
      (
        await rig.app.inject({
          method: 'PATCH',
          url: `/api/gps/devices/${id}`,
          headers: rig.auth('admin'),
          payload: { enabled: false },
        })
      ).json().enabled,
    ).toBe(false);
    const refused = await rig.batch([
      { name: 'flood', fixes: [{ lat: 13.7, lon: 101.1, timestamp: isoAgo(1) }] },
    ]);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messageTh).toMatch(/ปิดใช้งาน/);
  });
});

describe('filters and storage', () => {
  it('refuses zero, duplicate, future, too old and jumping fixes, and keeps late ones as history only', async () => {
    const start = isoAgo(60);
    const reply = await rig.batch([
      {
        name: 'filters',
        fixes: [
          { lat: 13.69, lon: 101.07, timestamp: start, speed: 30 },
          { lat: 0, lon: 0, timestamp: isoAgo(58) },
          { lat: 13.69, lon: 101.07, timestamp: start },
          { lat: 13.69, lon: 101.07, timestamp: new Date(Date.now() + 600_000).toISOString() },
          { lat: 13.69, lon: 101.07, timestamp: isoAgo(8 * 86_400) },
          { lat: 13.8, lon: 101.07, timestamp: isoAgo(50) },
          { lat: 13.6905, lon: 101.07, timestamp: Math.floor(Date.now() / 1000) - 40 },
          { lat: 13.68, lon: 101.07, timestamp: Date.now() - 120_000 },
        ],
      },
    ]);
    expect(reply.json()).toEqual({ accepted: 8 });
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
      return Object.keys(s.rejected).length === 5 && s;
    }, 'rejections counted');
    expect(stats.rejected).toEqual({
      zero_coordinates: 1,
      duplicate: 1,
      future_timestamp: 1,
      too_old: 1,
      impossible_jump: 1,
    });
    const state = await until(async () => {
      const s = await rig.busState('CCS-02');
      return s?.lat === 13.6905 && s;
    }, 'the latest current fix in Redis');
    expect(state.speedKmh).toBeNull();
  });

  it('creates the day partitions it needs (Bangkok days), ahead and on demand, and drops expired ones', async () => {
    const threeDaysAgo = Date.now() - 3 * 86_400_000;
    expect(
      (await rig.batch([{ name: 'filters', fixes: [{ lat: 13.69, lon: 101.07, timestamp: threeDaysAgo }] }]))
        .statusCode,
    ).toBe(200);
    const manager = new PartitionManager(rig.app.db);
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

  it('at Bangkok midnight on New Year makes the new year’s day partitions and keeps exactly the retention in Bangkok days', async () => {
    const manager = new PartitionManager(rig.app.db);
    const newYear = Date.parse('2026-12-31T17:00:30Z'); // 00:00:30 on 1 January 2027 in Bangkok, 31 December in UTC
    // 30 days' retention: 2 December is the oldest day kept, 1 December goes.
    await manager.ensure(['20261201', '20261202']);
    const dropped = await manager.maintain(newYear, 1, 30);
    expect(dropped).toContain('gps_positions_20261201');
    // (Days this file made earlier go too when the tests run before December 2026.)
    expect(dropped.every((name) => name < 'gps_positions_20261202')).toBe(true);
    const names = await manager.list();
    expect(names).toEqual(expect.arrayContaining(['gps_positions_20261202', 'gps_positions_20270101', 'gps_positions_20270102']));
    expect(names).not.toContain('gps_positions_20261201');
  });
});

describe('worker', () => {
  it('logged no errors', () => {
    expect(rig.workerErrors).toEqual([]);
  });
});
