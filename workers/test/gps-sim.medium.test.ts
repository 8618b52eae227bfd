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
import { FeedPlayer, type DueFix } from '../src/gps-sim/feed-player';
import type { SimFeed } from '../src/gps-sim/sim-feed';
import { activeServices } from '../src/transit/service-day';
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

/** A moment on the feed's own clock (Caltrain: Pacific time, UTC−8 in December). */
const pacific = (iso: string) => Date.parse(`${iso}-08:00`);
const weekdayOf = (yyyymmdd: string) =>
  new Date(Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6)))).getUTCDay();

/** Plays the Caltrain fleet from `t0` for two minutes: what the player logged and each bus's fixes. */
async function playTwoMinutes(t0: number) {
  const feed = (await loadSimFeed(app.db, 'caltrain'))!;
  const devices = (await readDevicesFile(file)).devices;
  const logs: string[] = [];
  const player = new FeedPlayer(feed, devices, { speedup: 1, seed: 'test', log: (m) => logs.push(m) });
  player.plan(t0);
  const due = player.due(t0 + 120_000);
  const perBus = new Map<string, DueFix[]>();
  for (const item of due) perBus.set(item.device.uniqueId, [...(perBus.get(item.device.uniqueId) ?? []), item]);
  return { feed: feed!, devices, player, log: logs.join('\n'), due, perBus };
}

/**
 * What a bus reports in a window: every 5 s while it drives or waits at a terminus for its next trip; a bus whose
 * last trip ends (its block is over, or its next trip is hours away) stops reporting where that trip ended, as a
 * bus parked with its engine off does.
 */
function expectReportsOfOneBus(fixes: DueFix[], feed: SimFeed, t0: number): 'reporting' | 'ended' {
  const times = fixes.map((f) => f.fix.fixTime.getTime());
  for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(5000);
  const last = fixes.at(-1)!.fix;
  if (last.fixTime.getTime() >= t0 + 115_000) return 'reporting';
  // It went quiet before the window's end: standing at its trip's last stop.
  const trip = feed.trips.get(last.tripId)!;
  const [lon, lat] = feed.stops.get(trip.stopTimes.at(-1)!.stopId)!;
  expect(last.speedKmh).toBe(0);
  expect(Math.hypot((last.lon - lon) * 108_000, (last.lat - lat) * 111_000)).toBeLessThan(150);
  return 'ended';
}

describe('simulator', () => {
  it('drives the fleet along the Caltrain trips on a weekday morning and the ingest accepts its OsmAnd requests', async () => {
    const t0 = pacific('2026-12-08T10:00:00'); // a Tuesday
    const { feed, player, log, due, perBus } = await playTwoMinutes(t0);
    expect(feed.timezone).toBe('America/Los_Angeles');
    // The old feed has no service on that day: it plays the same weekday of its own calendar, and says so.
    const played = /no service on 20261208; playing (\d{8}) \(same weekday\)/.exec(log)?.[1];
    expect(played && weekdayOf(played)).toBe(2);
    expect(log).not.toMatch(/shifted/);
    expect(player.activeBuses).toBeGreaterThanOrEqual(2);

    for (const { fix } of due) {
      expect(fix.fixTime.getTime()).toBeGreaterThanOrEqual(t0 - 1000);
      expect(fix.fixTime.getTime()).toBeLessThanOrEqual(t0 + 120_000);
      // On the peninsula between San Francisco and Gilroy.
      expect(fix.lat).toBeGreaterThan(36.9);
      expect(fix.lat).toBeLessThan(37.9);
      expect(fix.lon).toBeGreaterThan(-122.5);
      expect(fix.lon).toBeLessThan(-121.5);
    }
    const states = [...perBus.values()].map((fixes) => expectReportsOfOneBus(fixes, feed, t0));
    expect(states).toContain('reporting');
    for (const fixes of perBus.values()) if (fixes.at(-1)!.fix.fixTime.getTime() >= t0 + 115_000) expect(fixes.length).toBeGreaterThanOrEqual(20);

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

  it('on a Sunday plays a Sunday of the feed, and the buses of weekday-only routes stay home', async () => {
    const t0 = pacific('2026-12-13T10:00:00');
    const sunday = await playTwoMinutes(t0);
    const played = /no service on 20261213; playing (\d{8}) \(same weekday\)/.exec(sunday.log)?.[1];
    expect(played && weekdayOf(played)).toBe(0);
    // Buses bound to routes with no Sunday trips send nothing (they have trips again on Monday).
    const services = activeServices(sunday.feed.calendar, played!);
    const sundayRoutes = new Set([...sunday.feed.trips.values()].filter((t) => services.has(t.serviceId)).map((t) => t.routeId));
    const home = sunday.devices.filter((d) => d.routeId && !sundayRoutes.has(d.routeId));
    expect(home.length).toBeGreaterThan(0);
    expect(home.length).toBeLessThan(sunday.devices.length);
    for (const device of home) expect(sunday.perBus.has(device.uniqueId), device.uniqueId).toBe(false);
    const states = [...sunday.perBus.values()].map((fixes) => expectReportsOfOneBus(fixes, sunday.feed, t0));
    expect(states).toContain('reporting');
  });

  it('in the small hours shifts the timetable so that buses run, and says so; just before midnight runs the late trains as they are', async () => {
    const night = pacific('2026-12-08T02:00:00');
    const small = await playTwoMinutes(night);
    expect(small.log).toMatch(/outside the service hours in America\/Los_Angeles: timetable shifted by -?\d+\.\d h so buses run/);
    expect(small.player.activeBuses).toBeGreaterThanOrEqual(2);
    expect([...small.perBus.values()].map((fixes) => expectReportsOfOneBus(fixes, small.feed, night))).toContain('reporting');

    const late = pacific('2026-12-08T23:50:00');
    const lastTrains = await playTwoMinutes(late);
    expect(lastTrains.log).not.toMatch(/shifted/);
    expect(lastTrains.player.activeBuses).toBeGreaterThanOrEqual(1);
    expect([...lastTrains.perBus.values()].map((fixes) => expectReportsOfOneBus(fixes, lastTrains.feed, late))).toContain('reporting');
  });
});
