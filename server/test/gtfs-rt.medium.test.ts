// Medium: GTFS-RT feeds from bus states and predictions put into real Redis, decoded with gtfs-realtime-bindings.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { buildApp } from '../src/app';
import { busKeys } from '../src/realtime/bus-keys';
import { predictionsKey } from '../src/routes/gtfs-rt/trip-predictions';
import type { BusState, TripPrediction } from '../src/schemas';
import { createTestSchema, testConfig } from './test-env';

const { transit_realtime: rt } = GtfsRealtimeBindings;
const prefix = `test-gtfsrt-${randomBytes(4).toString('hex')}`;
let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;

const bus = (vehicleId: number, feedId: number, over: Partial<BusState> = {}): BusState => ({
  vehicleId,
  label: `CCS-${vehicleId}`,
  electric: vehicleId % 2 === 0,
  lon: 101.07 + vehicleId / 1000,
  lat: 13.69,
  fixTime: `2026-03-02T07:00:0${vehicleId}.000Z`,
  speedKmh: 36,
  bearingDeg: 90,
  state: 'in_service',
  feedId,
  routeId: 'R1',
  routeShortName: '1',
  routeColor: '#ff8800',
  tripId: `T${vehicleId}`,
  headsign: 'Market',
  distanceAlongM: 1200,
  nextStopId: 'S3',
  delayS: 60,
  ...over,
});

const prediction: TripPrediction = {
  feedId: 1,
  tripId: 'T1',
  routeId: 'R1',
  vehicleId: 1,
  vehicleLabel: 'CCS-1',
  at: '2026-03-02T07:00:05.000Z',
  startDate: '20260302',
  stops: [
    { stopId: 'S3', stopSequence: 3, predictedAt: '2026-03-02T07:02:00.000Z', scheduledAt: '2026-03-02T07:01:00.000Z' },
    { stopId: 'S4', stopSequence: 4, predictedAt: '2026-03-02T07:05:00.000Z', scheduledAt: null },
  ],
};

const decode = (body: Buffer) => rt.FeedMessage.decode(body);

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: prefix }));
  const states = [bus(1, 1), bus(2, 1, { tripId: null, routeId: null, nextStopId: null, state: 'unassigned', speedKmh: null }), bus(3, 2)];
  await app.redis.hset(busKeys(prefix).busState, ...states.flatMap((s) => [String(s.vehicleId), JSON.stringify(s)]));
  await app.redis.hset(predictionsKey(prefix), '1', JSON.stringify(prediction), '9', '{damaged');
});

afterAll(async () => {
  await app?.redis.del(busKeys(prefix).busState, predictionsKey(prefix));
  await app?.close();
  await schema?.drop();
});

describe('GTFS-RT output', () => {
  it('serves VehiclePositions as protobuf without login, with a proper header and one entity per bus', async () => {
    const reply = await app.inject({ url: '/api/gtfs-rt/vehicle-positions' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('application/x-protobuf');
    expect(reply.headers['access-control-allow-origin']).toBe('*');
    const feed = decode(reply.rawPayload);
    expect(feed.header.gtfsRealtimeVersion).toBe('2.0');
    expect(feed.header.incrementality).toBe(rt.FeedHeader.Incrementality.FULL_DATASET);
    expect(Number(feed.header.timestamp)).toBe(Date.parse('2026-03-02T07:00:03Z') / 1000);
    expect(feed.entity.map((e) => e.id)).toEqual(['vehicle-1', 'vehicle-2', 'vehicle-3']);
    const first = feed.entity[0]!.vehicle!;
    expect(first.trip).toMatchObject({ tripId: 'T1', routeId: 'R1', startDate: '20260302' });
    expect(first.vehicle).toMatchObject({ id: '1', label: 'CCS-1' });
    expect(first.position!.latitude).toBeCloseTo(13.69, 5);
    expect(first.position!.longitude).toBeCloseTo(101.071, 5);
    expect(first.position!.speed).toBeCloseTo(10, 5);
    expect(first.position!.bearing).toBeCloseTo(90, 5);
    expect(first.stopId).toBe('S3');
    expect(first.currentStatus).toBe(rt.VehiclePosition.VehicleStopStatus.IN_TRANSIT_TO);
    expect(Number(first.timestamp)).toBe(Date.parse('2026-03-02T07:00:01Z') / 1000);
    // A bus on no trip has no trip descriptor, and a bus without a speed reports none.
    const unassigned = feed.entity[1]!.vehicle!;
    expect(unassigned.trip).toBeNull();
    expect(unassigned.position!.speed).toBe(0);
    expect(rt.Position.toObject(unassigned.position as GtfsRealtimeBindings.transit_realtime.Position)).not.toHaveProperty('speed');
    // The third bus is on trip T3, for which there is no prediction: no service day is claimed.
    expect(feed.entity[2]!.vehicle!.trip!.startDate).toBe('');
  });

  it('filters by feed and answers 304 to a poller that already has the same data', async () => {
    const reply = await app.inject({ url: '/api/gtfs-rt/vehicle-positions?feed=2' });
    expect(decode(reply.rawPayload).entity.map((e) => e.id)).toEqual(['vehicle-3']);
    const again = await app.inject({ url: '/api/gtfs-rt/vehicle-positions?feed=2', headers: { 'if-none-match': reply.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('serves TripUpdates with the predicted arrival and delay at each upcoming stop, skipping damaged entries', async () => {
    const reply = await app.inject({ url: '/api/gtfs-rt/trip-updates' });
    expect(reply.statusCode).toBe(200);
    const feed = decode(reply.rawPayload);
    expect(feed.header.gtfsRealtimeVersion).toBe('2.0');
    expect(Number(feed.header.timestamp)).toBe(Date.parse(prediction.at) / 1000);
    expect(feed.entity).toHaveLength(1);
    const update = feed.entity[0]!.tripUpdate!;
    expect(update.trip).toMatchObject({ tripId: 'T1', routeId: 'R1', startDate: '20260302' });
    expect(update.vehicle).toMatchObject({ id: '1', label: 'CCS-1' });
    expect(update.stopTimeUpdate!.map((u) => [u.stopSequence, u.stopId, Number(u.arrival!.time)])).toEqual([
      [3, 'S3', Date.parse('2026-03-02T07:02:00Z') / 1000],
      [4, 'S4', Date.parse('2026-03-02T07:05:00Z') / 1000],
    ]);
    expect(update.stopTimeUpdate![0]!.arrival!.delay).toBe(60);
  });

  it('gives people JSON with ?format=json and refuses an unknown format', async () => {
    const reply = await app.inject({ url: '/api/gtfs-rt/trip-updates?format=json' });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('application/json');
    const body = reply.json();
    expect(body.header).toMatchObject({ gtfsRealtimeVersion: '2.0', incrementality: 'FULL_DATASET' });
    expect(body.entity[0].tripUpdate.stopTimeUpdate[0]).toMatchObject({ stopId: 'S3', arrival: { delay: 60 } });
    const bad = await app.inject({ url: '/api/gtfs-rt/trip-updates?format=xml' });
    expect(bad.statusCode).toBe(400);
  });
});
