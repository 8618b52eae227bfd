// A bus the end-to-end tests drive themselves along a past run of the demo network, so that its stop calls and their
// punctuality exist at once at any hour, instead of waiting for the simulator's buses (hourly at night).
import pg from 'pg';
import { haversineM } from '@toc/server/gtfs/geodesy';
import { api } from './browser';

/** What the tests need of the seeded run. */
export interface SeededRun {
  vehicleId: number;
  deviceId: number;
  label: string;
  tripId: string;
  /** Stops the run calls at, each one a stop call once the GPS worker has the fixes. */
  stops: number;
  /** The first fix (standing at the first stop) and the last (at the last stop). */
  firstFixAt: Date;
  lastFixAt: Date;
}

interface RunStop {
  stopId: string;
  /** Seconds after the service day's start. */
  arrivalS: number;
  departureS: number;
  /** The stop's place on the shape, as a fraction of it (the same measure ST_LineInterpolatePoint takes). */
  fraction: number;
}

interface Run {
  feedId: number;
  routeId: string;
  tripId: string;
  shapeId: string;
  dayStartMs: number;
  stops: RunStop[];
}

const DEMO_FEED = 'chachoengsao';
const FIX_EVERY_S = 5;
/** Standing at the first stop before leaving, and at each stop on the way. */
const WAIT_AT_FIRST_S = 120;
const DWELL_S = 20;
/**
 * The run ended this long ago at least: a departure recorded later than the live buses' own would be taken for a gap
 * in their service (gap alarms look two hours back).
 */
const ENDED_AT_LEAST_MS = 2 * 3600_000 + 15 * 60_000;
/** The ingest takes at most this many fixes per device in one batch. */
const MAX_FIXES = 600;
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/** Bangkok midnight starting the service day `daysAgo` days before `nowMs` (GTFS counts a day's times from it). */
function bangkokDayStartMs(nowMs: number, daysAgo: number): number {
  const local = nowMs + BANGKOK_OFFSET_MS;
  return local - (local % 86_400_000) - BANGKOK_OFFSET_MS - daysAgo * 86_400_000;
}

/** The demo network's shortest route's latest run (direction 0) on a day it runs, that ended long enough before `nowMs`. */
async function latestPastRun(db: pg.Pool, nowMs: number): Promise<Run> {
  const feed = await db.query<{ id: number }>('SELECT id FROM gtfs_feeds WHERE name = $1', [DEMO_FEED]);
  const feedId = feed.rows[0]?.id;
  if (feedId === undefined) throw new Error(`the demo GTFS feed "${DEMO_FEED}" is not imported (npm start imports it)`);
  const trips = await db.query<{ trip_id: string; route_id: string; shape_id: string; service_id: string; first_s: number; last_s: number }>(
    `SELECT t.trip_id, t.route_id, t.shape_id, t.service_id, min(st.departure_s) AS first_s, max(st.arrival_s) AS last_s
       FROM gtfs_trips t JOIN gtfs_stop_times st USING (feed_id, trip_id)
      WHERE t.feed_id = $1 AND t.direction_id = 0 AND t.shape_id IS NOT NULL
      GROUP BY t.trip_id, t.route_id, t.shape_id, t.service_id`,
    [feedId],
  );
  const spanS = new Map<string, number>();
  for (const t of trips.rows) spanS.set(t.route_id, Math.min(spanS.get(t.route_id) ?? Infinity, t.last_s - t.first_s));
  const routeId = [...spanS].sort((a, b) => a[1] - b[1])[0]![0];
  let best: { trip: (typeof trips.rows)[number]; dayStartMs: number; endMs: number } | null = null;
  for (const daysAgo of [0, 1, 2]) {
    const dayStartMs = bangkokDayStartMs(nowMs, daysAgo);
    const date = new Date(dayStartMs + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
    const services = await db.query<{ service_id: string }>(
      `SELECT service_id FROM gtfs_calendar
        WHERE feed_id = $1 AND $2::date BETWEEN start_date AND end_date AND weekdays[extract(isodow FROM $2::date)]
          AND NOT EXISTS (SELECT 1 FROM gtfs_calendar_dates d WHERE d.feed_id = $1 AND d.service_id = gtfs_calendar.service_id AND d.date = $2::date AND d.exception_type = 2)
       UNION SELECT service_id FROM gtfs_calendar_dates WHERE feed_id = $1 AND date = $2::date AND exception_type = 1`,
      [feedId, date],
    );
    const running = new Set(services.rows.map((s) => s.service_id));
    for (const trip of trips.rows) {
      const endMs = dayStartMs + trip.last_s * 1000;
      if (trip.route_id !== routeId || !running.has(trip.service_id) || endMs > nowMs - ENDED_AT_LEAST_MS) continue;
      if (!best || endMs > best.endMs) best = { trip, dayStartMs, endMs };
    }
  }
  if (!best) throw new Error(`no run of route ${routeId} in the last two days of the demo timetable`);
  const stops = await db.query<{ stop_id: string; arrival_s: number; departure_s: number; fraction: number }>(
    `SELECT st.stop_id, st.arrival_s, st.departure_s, ST_LineLocatePoint(sh.geom, s.location) AS fraction
       FROM gtfs_stop_times st
       JOIN gtfs_stops s ON s.feed_id = st.feed_id AND s.stop_id = st.stop_id
       JOIN gtfs_shapes sh ON sh.feed_id = st.feed_id AND sh.shape_id = $3
      WHERE st.feed_id = $1 AND st.trip_id = $2
      ORDER BY st.stop_sequence`,
    [feedId, best.trip.trip_id, best.trip.shape_id],
  );
  return {
    feedId,
    routeId,
    tripId: best.trip.trip_id,
    shapeId: best.trip.shape_id,
    dayStartMs: best.dayStartMs,
    stops: stops.rows.map((r) => ({ stopId: r.stop_id, arrivalS: r.arrival_s, departureS: r.departure_s, fraction: r.fraction })),
  };
}

/**
 * Where the bus is (as a fraction of the shape) every 5 s: waiting at the first stop, then stop to stop on the
 * timetable, standing 20 s at each stop, the last fix at the last stop (a fix after it would start the next run).
 */
function timeline(run: Run): Array<{ ms: number; fraction: number }> {
  const knots: Array<{ s: number; fraction: number }> = [];
  const first = run.stops[0]!;
  knots.push({ s: first.departureS - WAIT_AT_FIRST_S, fraction: first.fraction }, { s: first.departureS, fraction: first.fraction });
  for (const stop of run.stops.slice(1)) {
    const arriveS = Math.max(stop.arrivalS, knots.at(-1)!.s + 30);
    knots.push({ s: arriveS, fraction: stop.fraction }, { s: Math.max(stop.departureS, arriveS + DWELL_S), fraction: stop.fraction });
  }
  const endS = knots.at(-2)!.s; // arrival at the last stop: the bus stops reporting there
  const out: Array<{ ms: number; fraction: number }> = [];
  let k = 0;
  for (let s = knots[0]!.s; s <= endS; s += FIX_EVERY_S) {
    while (knots[k + 1]!.s < s) k++;
    const a = knots[k]!;
    const b = knots[k + 1]!;
    const f = b.s === a.s ? b.fraction : a.fraction + ((b.fraction - a.fraction) * (s - a.s)) / (b.s - a.s);
    out.push({ ms: run.dayStartMs + s * 1000, fraction: f });
  }
  if (out.at(-1)!.ms < run.dayStartMs + endS * 1000) out.push({ ms: run.dayStartMs + endS * 1000, fraction: run.stops.at(-1)!.fraction });
  return out;
}

/**
 * Registers a bus bound to the route, sends the whole run through the device batch API as its GPS unit would
 * have, and waits until every stop call is stored.
 */
export async function driveSeededRun(baseUrl: string, admin: string, databaseUrl: string | undefined, nowMs = Date.now()): Promise<SeededRun> {
  if (!databaseUrl) throw new Error('DATABASE_URL must be set (npm test sets it)');
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    const run = await latestPastRun(db, nowMs);
    const steps = timeline(run);
    if (steps.length > MAX_FIXES) throw new Error(`the run needs ${steps.length} fixes, more than one batch takes`);
    const points = await db.query<{ lon: number; lat: number }>(
      `SELECT ST_X(p) AS lon, ST_Y(p) AS lat
         FROM unnest($3::float8[]) WITH ORDINALITY AS f(fraction, i)
         CROSS JOIN LATERAL (SELECT ST_LineInterpolatePoint(geom, least(1, greatest(0, f.fraction))) AS p
                               FROM gtfs_shapes WHERE feed_id = $1 AND shape_id = $2) s
        ORDER BY f.i`,
      [run.feedId, run.shapeId, steps.map((s) => s.fraction)],
    );
    const fixes = steps.map((step, i) => {
      const here: [number, number] = [points.rows[i]!.lon, points.rows[i]!.lat];
      const before = i > 0 ? points.rows[i - 1]! : points.rows[i]!;
      const speedKmh = i > 0 ? (haversineM([before.lon, before.lat], here) / ((step.ms - steps[i - 1]!.ms) / 1000)) * 3.6 : 0;
      const bearing = (Math.atan2((here[0] - before.lon) * Math.cos((here[1] * Math.PI) / 180), here[1] - before.lat) * 180) / Math.PI;
      return {
        lon: here[0],
        lat: here[1],
        timestamp: new Date(step.ms).toISOString(),
        speed: Math.round(speedKmh * 10) / 10,
        ...(speedKmh > 1 ? { bearing: Math.round((bearing + 360) % 360) } : {}),
        accuracy: 5,
      };
    });

    const stamp = nowMs % 1_000_000;
    const label = `E2E-RUN-${stamp}`;
    const vehicle = await api<{ id: number }>(admin, 'POST', '/api/vehicles', { label, electric: false, feedId: run.feedId, routeId: run.routeId });
    const uniqueId = `e2e-run-${stamp}`;
    const { device, key } = await api<{ device: { id: number }; key: string }>(admin, 'POST', '/api/gps/devices', { uniqueId, vehicleId: vehicle.id });
    const reply = await fetch(`${baseUrl}/api/gps/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ devices: [{ id: uniqueId, key, fixes }] }),
    });
    if (reply.status !== 200) throw new Error(`the batch of the seeded run was refused: ${reply.status} ${await reply.text()}`);
    const seeded: SeededRun = {
      vehicleId: vehicle.id,
      deviceId: device.id,
      label,
      tripId: run.tripId,
      stops: run.stops.length,
      firstFixAt: new Date(steps[0]!.ms),
      lastFixAt: new Date(steps.at(-1)!.ms),
    };
    await waitForStopCalls(admin, seeded);
    return seeded;
  } finally {
    await db.end();
  }
}

/** The GPS worker stores the run's stop calls at its next ticks: waits (up to a minute) for all of them. */
async function waitForStopCalls(admin: string, run: SeededRun): Promise<void> {
  const period = `from=${encodeURIComponent(new Date(run.firstFixAt.getTime() - 60_000).toISOString())}&to=${encodeURIComponent(new Date(run.lastFixAt.getTime() + 60_000).toISOString())}`;
  const deadline = Date.now() + 60_000;
  let calls = 0;
  while (Date.now() < deadline) {
    calls = (await api<{ calls: unknown[] }>(admin, 'GET', `/api/vehicles/${run.vehicleId}/stop-calls?${period}`)).calls.length;
    if (calls >= run.stops) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the seeded run ${run.tripId} made ${calls} of its ${run.stops} stop calls within a minute`);
}

/** Takes the seeded bus off the fleet again. */
export async function removeSeededRun(admin: string, run: SeededRun): Promise<void> {
  await api(admin, 'DELETE', `/api/gps/devices/${run.deviceId}`);
  await api(admin, 'DELETE', `/api/vehicles/${run.vehicleId}`);
}
