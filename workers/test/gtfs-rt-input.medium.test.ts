// Medium: the GTFS-RT VehiclePositions input polls a protobuf feed from a local HTTP server into the real Redis fix stream.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { Redis } from 'ioredis';
import { createPool, type Pool } from '@toc/server/db/pool';
import { applyMigrations } from '@toc/server/db/migrate';
import { busKeys } from '@toc/server/realtime/bus-keys';
import { createDevice } from '@toc/server/repositories/gps-devices.repository';
import type { GpsStreamEntry } from '@toc/server/schemas';
import { createTestSchema, requireEnv } from '@toc/server/testing';
import { GtfsRtPoller } from '../src/gtfs-rt-input/gtfs-rt-poller';

const { transit_realtime: rt } = GtfsRealtimeBindings;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let db: Pool;
let redis: Redis;
let server: Server;
let url: string;
let feed: Uint8Array;
let etag = '"1"';
let requests = 0;

const FIX_S = 1_772_434_800; // 2026-03-02T07:00:00Z

function positions(entries: Array<{ vehicle: string; timestamp: number; speed?: number; lat?: number }>): Uint8Array {
  return rt.FeedMessage.encode(
    rt.FeedMessage.fromObject({
      header: { gtfsRealtimeVersion: '2.0', incrementality: 0, timestamp: FIX_S },
      entity: entries.map((e) => ({
        id: `e-${e.vehicle}`,
        vehicle: {
          vehicle: { id: e.vehicle },
          position: { latitude: e.lat ?? 37.4, longitude: -122.1, bearing: 135, ...(e.speed !== undefined ? { speed: e.speed } : {}) },
          timestamp: e.timestamp,
        },
      })),
    }),
  ).finish();
}

const streamEntries = async (): Promise<GpsStreamEntry[]> =>
  (await redis.xrange(busKeys(schema.schema).fixes, '-', '+')).map(([, fields]) => JSON.parse(fields[1]!) as GpsStreamEntry);

beforeAll(async () => {
  schema = await createTestSchema();
  db = createPool(schema.databaseUrl, 2);
  await applyMigrations(db);
  redis = new Redis(requireEnv('REDIS_URL'));
  await createDevice(db, { uniqueId: 'ct-101' });
  await createDevice(db, { uniqueId: 'ct-102', enabled: false });
  server = createServer((request, response) => {
    requests++;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/x-protobuf', etag }).end(Buffer.from(feed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vehicle-positions.pb`;
});

afterAll(async () => {
  await redis?.del(busKeys(schema.schema).fixes);
  redis?.disconnect();
  await new Promise((resolve) => server?.close(resolve));
  await db?.end();
  await schema?.drop();
});

describe('GTFS-RT VehiclePositions input', () => {
  it('queues the fixes of registered, enabled devices as one stream entry, in the ingest format', async () => {
    const poller = new GtfsRtPoller({ url, db, redis, queuePrefix: schema.schema, idPrefix: 'ct-', streamMaxLen: 1000 });
    feed = positions([
      { vehicle: '101', timestamp: FIX_S, speed: 10 },
      { vehicle: '102', timestamp: FIX_S },
      { vehicle: '999', timestamp: FIX_S },
    ]);
    const now = new Date((FIX_S + 5) * 1000);
    const result = await poller.pollOnce(now);
    expect(result).toMatchObject({ status: 200, inFeed: 3, queued: 1 });
    expect(result.unknownDevices.sort()).toEqual(['ct-102', 'ct-999']);
    const entries = await streamEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.receivedAt).toBe(now.toISOString());
    expect(entries[0]!.fixes).toHaveLength(1);
    const fix = entries[0]!.fixes[0]!;
    expect(fix).toMatchObject({ deviceId: 'ct-101', fixTime: new Date(FIX_S * 1000).toISOString(), bearingDeg: 135, altitudeM: null, accuracyM: null });
    expect(fix.lat).toBeCloseTo(37.4, 5);
    expect(fix.lon).toBeCloseTo(-122.1, 5);
    expect(fix.speedKmh).toBeCloseTo(36, 3);

    // Unchanged feed: the server answers 304 and nothing is queued.
    const before = requests;
    expect(await poller.pollOnce(now)).toMatchObject({ status: 304, queued: 0 });
    expect(requests).toBe(before + 1);

    // A new feed repeating the same position (same timestamp) adds nothing; a newer fix is queued, without a speed when none was sent.
    etag = '"2"';
    feed = positions([{ vehicle: '101', timestamp: FIX_S, speed: 10 }]);
    expect(await poller.pollOnce(now)).toMatchObject({ status: 200, inFeed: 1, queued: 0 });
    etag = '"3"';
    feed = positions([{ vehicle: '101', timestamp: FIX_S + 15, lat: 37.401 }]);
    expect(await poller.pollOnce(now)).toMatchObject({ queued: 1 });
    const all = await streamEntries();
    expect(all).toHaveLength(2);
    expect(all[1]!.fixes[0]).toMatchObject({ deviceId: 'ct-101', speedKmh: null, fixTime: new Date((FIX_S + 15) * 1000).toISOString() });
  });

  it('fails loudly on a body that is not a GTFS-RT message', async () => {
    const poller = new GtfsRtPoller({ url, db, redis, queuePrefix: schema.schema, idPrefix: 'ct-', streamMaxLen: 1000 });
    etag = '"broken"';
    feed = new Uint8Array([0xff, 0xff, 0xff, 0x01, 0x02]);
    await expect(poller.pollOnce()).rejects.toThrow();
  });
});
