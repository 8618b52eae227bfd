// Medium: the real Caltrain feed imported into PostGIS, the demo fleet seeded, simulated fixes sent to the real OsmAnd ingest.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@toc/server/app';
import { REPO_ROOT } from '@toc/server/config';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { importGtfs } from '@toc/server/gtfs/gtfs-import';
import type { GpsStreamEntry } from '@toc/server/schemas';
import { createTestSchema, testConfig } from '@toc/server/testing';
import { seedDemoFleet } from '../src/gps-sim/demo-fleet';
import { readDevicesFile, writeDevicesFile } from '../src/gps-sim/devices-file';
import { FeedPlayer } from '../src/gps-sim/feed-player';
import { osmAndUrl, sendOsmAnd } from '../src/gps-sim/osmand-request';
import { loadSimFeed } from '../src/gps-sim/sim-feed.loader';

const CALTRAIN = path.join(REPO_ROOT, '..', 'shared', 'data', 'gtfs', 'caltrain_20160406_gtfs.zip');
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let dir: string;
let file: string;
let baseUrl: string;

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  await importGtfs(app.db, CALTRAIN, { name: 'caltrain' });
  dir = await mkdtemp(path.join(tmpdir(), 'gps-sim-'));
  file = path.join(dir, 'demo-devices.json');
});

afterAll(async () => {
  await app?.redis.del(busKeys(schema.schema).fixes);
  await app?.close();
  await schema?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('demo fleet seeding', () => {
  it('creates vehicles and devices once, writes their keys to a private file, and keeps them on a re-run', async () => {
    const first = await seedDemoFleet(app.db, { feed: 'caltrain', labelPrefix: 'CT', count: 4, file });
    expect(first).toMatchObject({ createdVehicles: 4, createdDevices: 4, rotatedKeys: 0 });
    expect(first.devices.map((d) => d.uniqueId)).toEqual(['sim-ct-01', 'sim-ct-02', 'sim-ct-03', 'sim-ct-04']);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const saved = await readDevicesFile(file);
    expect(saved.devices).toEqual(first.devices);
    // Half of the routes are electric, so some buses are and some are not.
    const routes = await app.db.query<{ route_id: string }>('SELECT route_id FROM gtfs_routes ORDER BY route_id');
    expect(routes.rows.length).toBeGreaterThan(1);
    const { rows } = await app.db.query<{ label: string; electric: boolean; route_id: string; device: string }>(
      'SELECT v.label, v.electric, v.route_id, d.unique_id AS device FROM vehicles v JOIN gps_devices d ON d.vehicle_id = v.id ORDER BY v.label',
    );
    expect(rows.map((r) => r.device)).toEqual(['sim-ct-01', 'sim-ct-02', 'sim-ct-03', 'sim-ct-04']);
    const electricRoutes = new Set(routes.rows.slice(0, Math.ceil(routes.rows.length / 2)).map((r) => r.route_id));
    for (const r of rows) expect(r.electric).toBe(electricRoutes.has(r.route_id));

    const again = await seedDemoFleet(app.db, { feed: 'caltrain', labelPrefix: 'CT', count: 4, file });
    expect(again).toMatchObject({ createdVehicles: 0, createdDevices: 0, rotatedKeys: 0 });
    expect(again.devices).toEqual(first.devices);

    // A key lost from the file is replaced by a new one, for that device only.
    await writeDevicesFile(file, { devices: first.devices.filter((d) => d.uniqueId !== 'sim-ct-02') });
    const rotated = await seedDemoFleet(app.db, { feed: 'caltrain', labelPrefix: 'CT', count: 4, file });
    expect(rotated).toMatchObject({ createdVehicles: 0, createdDevices: 0, rotatedKeys: 1 });
    expect(rotated.devices.find((d) => d.uniqueId === 'sim-ct-02')!.key).not.toBe(first.devices[1]!.key);
    expect(rotated.devices.find((d) => d.uniqueId === 'sim-ct-01')!.key).toBe(first.devices[0]!.key);
    expect(JSON.parse(await readFile(file, 'utf8')).devices).toHaveLength(4);
  });

  it('refuses a feed that is not imported', async () => {
    await expect(seedDemoFleet(app.db, { feed: 'nowhere', labelPrefix: 'NW', file })).rejects.toThrow(/not imported/);
  });
});

describe('simulator', () => {
  it('drives the fleet along the Caltrain trips now and the ingest accepts its OsmAnd requests', async () => {
    const feed = (await loadSimFeed(app.db, 'caltrain'))!;
    expect(feed.timezone).toBe('America/Los_Angeles');
    const devices = (await readDevicesFile(file)).devices;
    const logs: string[] = [];
    const player = new FeedPlayer(feed, devices, { speedup: 1, seed: 'test', log: (m) => logs.push(m) });
    const t0 = Date.now();
    player.plan(t0);
    // The old feed has no service today: it plays the same weekday of its own calendar (and shifts at night), and says so.
    expect(logs.join('\n')).toMatch(/no service on \d{8}; playing \d{8} \(same weekday\)/);
    // A bus bound to a route without service that weekday (Caltrain's weekday-only routes on a weekend) stays home.
    expect(player.activeBuses).toBeGreaterThanOrEqual(2);

    const due = player.due(t0 + 120_000);
    const perBus = new Map<string, number>();
    for (const { device, fix } of due) {
      perBus.set(device.uniqueId, (perBus.get(device.uniqueId) ?? 0) + 1);
      expect(fix.fixTime.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
      expect(fix.fixTime.getTime()).toBeLessThanOrEqual(t0 + 120_000);
      // On the peninsula between San Francisco and Gilroy.
      expect(fix.lat).toBeGreaterThan(36.9);
      expect(fix.lat).toBeLessThan(37.9);
      expect(fix.lon).toBeGreaterThan(-122.5);
      expect(fix.lon).toBeLessThan(-121.5);
    }
    // Every bus reports every 5 s (the ones between trips stand at a terminus until their next one).
    expect(perBus.size).toBeGreaterThanOrEqual(1);
    for (const n of perBus.values()) expect(n).toBeGreaterThanOrEqual(20);

    const sample = due.slice(0, 10);
    const statuses: number[] = [];
    for (const { device, fix } of sample) statuses.push(await sendOsmAnd(osmAndUrl(baseUrl, device.uniqueId, fix), device.key));
    expect(statuses).toEqual(sample.map(() => 200));
    const entries = (await app.redis.xrange(busKeys(schema.schema).fixes, '-', '+')).map(([, f]) => JSON.parse(f[1]!) as GpsStreamEntry);
    expect(entries).toHaveLength(10);
    expect(entries[0]!.fixes[0]!.deviceId).toBe(sample[0]!.device.uniqueId);
    expect(entries[0]!.fixes[0]!.fixTime).toBe(sample[0]!.fix.fixTime.toISOString());
    expect(entries[0]!.fixes[0]!.lat).toBeCloseTo(sample[0]!.fix.lat, 5);
    expect(entries[0]!.fixes[0]!.speedKmh).toBeCloseTo(sample[0]!.fix.speedKmh, 1);

    // A wrong key is refused.
    expect(await sendOsmAnd(osmAndUrl(baseUrl, sample[0]!.device.uniqueId, sample[0]!.fix), 'wrong')).toBe(401);
  });
});
