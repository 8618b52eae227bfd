// Medium: the transit engine on real PostGIS and Redis — buses driven along a test line are matched, predictions and
// stop boards land in Redis, alarms are written as events, stop visits and learned times are stored; the arrivals API reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { buildApp } from '@toc/server/app';
import { createTestSchema, requireEnv, testConfig } from '@toc/server/testing';
import type { StopArrivalsMessage, TripPrediction } from '@toc/server/schemas';
import { stopArrivals } from '@toc/server/services/arrivals.service';
import { createTransitEngine, type TransitEngine } from '../src/transit/transit-engine';
import { at, drive, testFeedRows } from '../src/transit/test-feed.fixture';
import { insertFeedRows } from './transit-feed.sql';

let app: FastifyInstance;
let schema: Awaited<ReturnType<typeof createTestSchema>>;
let redis: Redis;
let engine: TransitEngine;
let feedId: number;
const DEPART = 8 * 3600;
const prefix = () => schema.schema;

beforeAll(async () => {
  schema = await createTestSchema();
  app = await buildApp(testConfig(schema.databaseUrl, { queuePrefix: schema.schema }));
  redis = new Redis(requireEnv('REDIS_URL'));
  // Besides the 06:00–22:00 runs: one at 00:30 (out-49/back-49) and a night run at 25:30 (out-50/back-50).
  feedId = await insertFeedRows(app.db, testFeedRows(1, [30 * 60, 25.5 * 3600]));
  for (const [label, electric] of [
    ['B1', false],
    ['B2', true],
  ] as const)
    await app.db.query(
      "INSERT INTO vehicles (label, electric, feed_id, route_id) VALUES ($1, $2, $3, 'R1')",
      [label, electric, feedId],
    );
  engine = await createTransitEngine({
    db: app.db,
    redis,
    queuePrefix: schema.schema,
    log: () => undefined,
    now: () => new Date(at(DEPART)),
  });
});

afterAll(async () => {
  await engine?.close();
  const keys = await redis?.keys(`${schema.schema}:*`);
  if (keys?.length) await redis.del(...keys);
  await redis?.quit();
  await app?.close();
  await schema?.drop();
});

describe('transit engine', () => {
  it('tracks two buses through a day of alarms, predictions, boards and visits', async () => {
    // B1 (id 1) on the 08:00 run: crawls through a jam, leaves the road on a detour, reports 95 km/h for a while.
    // B2 (id 2) on the 08:20 run at normal speed catches up with it: bunching.
    const b1 = drive({
      vehicleId: 1,
      departS: DEPART,
      speedMs: 1.2,
      offsetAt: (m) => (m > 400 && m < 700 ? 180 : 0),
      speedKmh: (m) => (m > 100 && m < 150 ? 95 : 4),
    });
    const b2 = drive({ vehicleId: 2, departS: DEPART + 20 * 60 });
    const fixes = [...b1, ...b2].sort((a, b) => a.fixTime.getTime() - b.fixTime.getTime());
    let nextTick = fixes[0]!.fixTime.getTime() + 5000;
    let sawPrediction: TripPrediction | null = null;
    let sawBoard: StopArrivalsMessage | null = null;
    for (const fix of fixes) {
      while (fix.fixTime.getTime() >= nextTick) {
        await engine.tick(new Date(nextTick));
        nextTick += 5000;
        if (!sawPrediction) {
          const raw = await redis.hget(`${prefix()}:bus:predictions`, '2');
          if (raw) sawPrediction = JSON.parse(raw) as TripPrediction;
        }
        if (!sawBoard) {
          const raw = await redis.get(`${prefix()}:stop-arrivals:${feedId}:P1`);
          const board = raw ? (JSON.parse(raw) as StopArrivalsMessage) : null;
          if (board?.arrivals.some((a) => a.source === 'realtime')) sawBoard = board;
        }
      }
      const fields = engine.onFix(fix);
      if (fix.vehicleId === 2 && fix.fixTime.getTime() === at(DEPART + 20 * 60 + 60))
        expect(fields).toMatchObject({
          state: 'in_service',
          tripId: 'out-7',
          routeShortName: '1',
          routeColor: '#22aa55',
        });
    }
    await engine.tick(new Date(nextTick));

    expect(sawPrediction).toMatchObject({
      feedId,
      tripId: 'out-7',
      vehicleId: 2,
      vehicleLabel: 'B2',
      startDate: '20250602',
    });
    expect(sawBoard!.arrivals.find((a) => a.source === 'realtime')).toMatchObject({
      stopId: 'P1',
      electric: expect.any(Boolean),
      headsignTranslations: { th: 'ตะวันออก', en: 'East' },
    });
    expect(sawBoard!.arrivals.some((a) => a.source === 'schedule')).toBe(true);

    const events = async () =>
      (
        await app.db.query<{ type: string; ended: boolean; payload: Record<string, unknown> }>(
          "SELECT type, ended_at IS NOT NULL AS ended, payload FROM events WHERE type LIKE 'bus.%' ORDER BY id",
        )
      ).rows;
    const written = await events();
    const offRoute = written.filter((e) => e.type === 'bus.off_route');
    expect(offRoute).toHaveLength(1);
    expect(offRoute[0]).toMatchObject({
      ended: true,
      payload: {
        vehicleId: 1,
        vehicleLabel: 'B1',
        title: { en: 'Bus off its route', th: 'รถโดยสารออกนอกเส้นทาง' },
      },
    });
    expect(String((offRoute[0]!.payload.summary as { th: string }).th)).toContain('สาย 1');
    expect(written.filter((e) => e.type === 'bus.overspeed')).toMatchObject([
      { ended: true, payload: { vehicleId: 1, maxSpeedKmh: 95, limitKmh: 80 } },
    ]);
    expect(written.find((e) => e.type === 'bus.bunching')).toMatchObject({
      payload: { vehicleId: 2, aheadVehicleId: 1, scheduledHeadwayS: 1200 },
    });

    // Silence: both buses wait at the terminal for their next run (runs leave every 20 min) and stop reporting; they
    // are stale once that run has been gone 5 min without a word.
    const lastFix = fixes[fixes.length - 1]!.fixTime.getTime();
    const changed = await engine.tick(new Date(lastFix + 26 * 60_000));
    expect(changed.find((c) => c.vehicleId === 1)?.fields.state).toBe('stale');
    expect(
      (await events())
        .filter((e) => e.type === 'bus.stale')
        .map((e) => e.payload.vehicleId)
        .sort(),
    ).toEqual([1, 2]);

    const visits = await app.db.query<{
      vehicle_id: number;
      trip_id: string;
      stop_id: string;
      arrived: boolean;
      departed: boolean;
      delay_s: number | null;
    }>(
      'SELECT vehicle_id, trip_id, stop_id, arrived_at IS NOT NULL AS arrived, departed_at IS NOT NULL AS departed, delay_s FROM bus_stop_visits ORDER BY vehicle_id, id',
    );
    expect(visits.rows.filter((v) => v.vehicle_id === 2).map((v) => [v.trip_id, v.stop_id])).toEqual([
      ['out-7', 'P0'],
      ['out-7', 'P1'],
      ['out-7', 'P2'],
    ]);
    const late = visits.rows.find((v) => v.vehicle_id === 1 && v.stop_id === 'P1')!;
    expect(late.delay_s).toBeGreaterThan(15 * 60);
    const learned = await app.db.query<{ kind: string; samples: number }>(
      'SELECT kind, samples FROM bus_segment_times',
    );
    expect(learned.rows.filter((r) => r.kind === 'run').length).toBeGreaterThan(0);
  });

  it('serves a stop board publicly with the stop names, and falls back to the timetable without a live board', async () => {
    const reply = await app.inject({ url: `/api/public/stops/P1/arrivals?feed=${feedId}` });
    expect(reply.statusCode).toBe(200);
    expect(reply.json().stop).toMatchObject({
      feedId,
      stopId: 'P1',
      name: 'Stop 1',
      translations: { th: 'ป้าย 1', en: 'Stop 1' },
    });
    expect((await app.inject({ url: `/api/transit/stops/P1/arrivals?feed=${feedId}` })).statusCode).toBe(401);
    expect((await app.inject({ url: `/api/public/stops/NOPE/arrivals` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/public/stops/P1/arrivals?feed=abc` })).statusCode).toBe(400);

    await redis.del(`${prefix()}:stop-arrivals:${feedId}:P1`);
    const stop = { feedId, stopId: 'P1', name: 'Stop 1', translations: {} };
    const board = await stopArrivals(
      { db: app.db, redis, queuePrefix: prefix() },
      stop,
      new Date(at(DEPART + 5 * 60)),
    );
    // 08:05 in Bangkok: the 08:00 runs passed at 08:03; the 08:20 runs (both ways) call at 08:23, then the 08:40 ones.
    expect(board.arrivals.slice(0, 3).map((a) => [a.tripId, a.source])).toEqual([
      ['back-7', 'schedule'],
      ['out-7', 'schedule'],
      ['back-8', 'schedule'],
    ]);
    expect(board.arrivals[1]!.scheduledAt).toBe(new Date(at(DEPART + 20 * 60 + 180)).toISOString());
    expect(board.arrivals).toHaveLength(10);

    // 23:30 on 2 June: the next three hours pass midnight — the next service day's 00:30 runs, then this day's
    // night runs written as 25:30.
    const night = await stopArrivals(
      { db: app.db, redis, queuePrefix: prefix() },
      stop,
      new Date(at(23.5 * 3600)),
    );
    expect(night.arrivals.map((a) => [a.tripId, a.scheduledAt])).toEqual([
      ['back-49', new Date(at(24.5 * 3600 + 180)).toISOString()],
      ['out-49', new Date(at(24.5 * 3600 + 180)).toISOString()],
      ['back-50', new Date(at(25.5 * 3600 + 180)).toISOString()],
      ['out-50', new Date(at(25.5 * 3600 + 180)).toISOString()],
    ]);
  });
});
