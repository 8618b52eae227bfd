// ETA accuracy on replayed service days: simulated buses (gps-sim) drive the real engine; predictions are scored against the true arrivals.
import type { Queryable } from '@toc/server/db/pool';
import { simulateJourney, type StopVisit as TrueVisit } from '../gps-sim/bus-journey';
import { planFleet } from '../gps-sim/fleet-plan';
import { optionsForRouteType } from '../gps-sim/journey-options';
import type { SimFeed } from '../gps-sim/sim-feed';
import { loadSimFeed } from '../gps-sim/sim-feed.loader';
import { timedStops, tripPath } from '../gps-sim/trip-journey-input';
import { activeServices, addDays, localDate, serviceDayStartMs } from './service-day';
import { DEFAULT_CORE_OPTIONS, TransitCore } from './transit-core';
import { loadTransitModel } from './transit-model.loader';

/** The transit apps' windows: actual − predicted arrival must fall in [early, late] seconds, by minutes away. */
export const ETA_BUCKETS = [
  { name: 'b0_3', fromMin: 0, toMin: 3, earlyS: -30, lateS: 90 },
  { name: 'b3_6', fromMin: 3, toMin: 6, earlyS: -60, lateS: 150 },
  { name: 'b6_10', fromMin: 6, toMin: 10, earlyS: -60, lateS: 210 },
  { name: 'b10_15', fromMin: 10, toMin: 15, earlyS: -90, lateS: 270 },
] as const;

export interface EtaScores {
  /** Share (%) of scored predictions inside their bucket's window. */
  withinWindowPct: number;
  buckets: Record<(typeof ETA_BUCKETS)[number]['name'], { count: number; withinPct: number }>;
  maeS: number;
  predictions: number;
  /** Share (%) of fixes of the scored day placed on their true trip. */
  matchedPct: number;
  fixes: number;
  /** Engine time per fix, microseconds (onFix only). */
  usPerFix: number;
  days: { train: string; score: string }[];
}

export interface EtaEvalOptions {
  feeds: readonly string[];
  /** Score this service date (YYYYMMDD) of every feed; default: the latest weekday each feed serves. */
  date?: string;
  seed?: string;
  /** Seconds between prediction reads (the engine's tick). */
  tickS?: number;
}

interface SimFix {
  vehicleId: number;
  tripId: string;
  ms: number;
  lon: number;
  lat: number;
  speedKmh: number;
  bearingDeg: number;
}

function servedDate(feed: SimFeed, preferred: string | undefined): string | null {
  const serves = (d: string) => activeServices(feed.calendar, d).size > 0;
  if (preferred && serves(preferred)) return preferred;
  const ends = [...feed.calendar.calendar.values()].map((c) => c.end).sort();
  const soon = addDays(localDate(Date.now(), feed.timezone), 7);
  const last = ends[ends.length - 1];
  let date = last && last < soon ? last : soon;
  // A served Wednesday (weekday service): the coming one, or the last in the feed's life.
  for (let i = 0; i < 400; i++, date = addDays(date, -1)) {
    const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)));
    if (d.getUTCDay() === 3 && serves(date)) return date;
  }
  return null;
}

/** The day's buses chained over their trips by the simulator's fleet plan, simulated trip after trip. */
function simulateDay(feed: SimFeed, date: string, firstVehicleId: number, seed: string) {
  const dayStartMs = serviceDayStartMs(date, feed.timezone);
  // One bus per block where the feed has blocks (bound to it), else buses bound to a route, as many as it has trips.
  const routes = new Map<string, number>();
  const blocks = new Map<string, string>();
  for (const t of feed.trips.values()) {
    routes.set(t.routeId, (routes.get(t.routeId) ?? 0) + 1);
    if (t.blockId) blocks.set(t.blockId, t.routeId);
  }
  const fleet: Array<{ uniqueId: string; routeId: string; blockId: string | null }> =
    blocks.size > 0
      ? [...blocks].map(([blockId, routeId]) => ({ uniqueId: blockId, routeId, blockId }))
      : [...routes].flatMap(([routeId, n]) =>
          Array.from({ length: n }, (_, i) => ({ uniqueId: `${routeId}#${i}`, routeId, blockId: null })),
        );
  const plan = planFleet(feed, date, fleet, 0);
  const fixes: SimFix[] = [];
  const truth = new Map<number, Map<string, TrueVisit[]>>();
  const vehicles: Array<{ vehicleId: number; routeId: string; blockId: string | null }> = [];
  let vehicleId = firstVehicleId;
  for (const v of fleet) {
    const chain = plan.get(v.uniqueId) ?? [];
    if (chain.length === 0) continue;
    const id = vehicleId++;
    vehicles.push({ vehicleId: id, routeId: v.routeId, blockId: v.blockId });
    const byTrip = new Map<string, TrueVisit[]>();
    truth.set(id, byTrip);
    let freeAtMs = -Infinity;
    for (const trip of chain) {
      const path = tripPath(feed, trip);
      if (!path) continue;
      const stops = timedStops(trip, path, dayStartMs);
      const start = Math.max(freeAtMs, stops[0]!.departure.getTime() - 180_000);
      const result = simulateJourney({
        shape: path.shape,
        stops,
        start: new Date(start),
        options: {
          timeZone: feed.timezone,
          ...optionsForRouteType(trip.routeType),
          seed: `${seed}:${date}:${trip.tripId}`,
        },
      });
      freeAtMs = result.end.getTime() + 60_000;
      byTrip.set(trip.tripId, result.stops);
      for (const f of result.fixes)
        fixes.push({
          vehicleId: id,
          tripId: trip.tripId,
          ms: f.fixTime.getTime(),
          lon: f.lon,
          lat: f.lat,
          speedKmh: f.speedKmh,
          bearingDeg: f.bearingDeg,
        });
    }
  }
  fixes.sort((a, b) => a.ms - b.ms || a.vehicleId - b.vehicleId);
  return { fixes, truth, vehicles };
}

export async function evaluateEta(db: Queryable, options: EtaEvalOptions): Promise<EtaScores> {
  const seed = options.seed ?? 'eta';
  const tickMs = (options.tickS ?? 30) * 1000;
  const sims: SimFeed[] = [];
  for (const name of options.feeds) {
    const feed = await loadSimFeed(db, name);
    if (feed) sims.push(feed);
  }
  if (sims.length === 0) throw new Error(`none of the feeds ${options.feeds.join(', ')} is imported`);
  const model = await loadTransitModel(
    db,
    sims.map((s) => s.feedId),
  );
  model.vehicles = new Map();
  // Without alarms the figures are the same; the speed of trains would only raise overspeed alarms nobody reads here.
  const core = new TransitCore(model, {
    ...DEFAULT_CORE_OPTIONS,
    alerts: { ...DEFAULT_CORE_OPTIONS.alerts, overspeedKmh: 1000 },
  });

  const windows = new Map(ETA_BUCKETS.map((b) => [b.name, { count: 0, within: 0 }]));
  let absErrorSum = 0;
  let scored = 0;
  let fixCount = 0;
  let matched = 0;
  let engineNs = 0n;
  const days: EtaScores['days'] = [];
  let nextVehicleId = 1;

  for (const feed of sims) {
    const score = servedDate(feed, options.date);
    if (!score) continue;
    let train = addDays(score, -7);
    if (activeServices(feed.calendar, train).size === 0) train = addDays(score, -1);
    days.push({ train, score });
    for (const [date, scoring] of [
      [train, false],
      [score, true],
    ] as const) {
      const day = simulateDay(feed, date, nextVehicleId, seed);
      nextVehicleId += day.vehicles.length + 1;
      for (const v of day.vehicles)
        model.vehicles.set(v.vehicleId, {
          vehicleId: v.vehicleId,
          label: `E${v.vehicleId}`,
          electric: false,
          feedId: feed.feedId,
          routeId: v.routeId,
          blockId: v.blockId,
        });
      const drivingTrip = new Map<number, string>();
      let nextTick = (day.fixes[0]?.ms ?? 0) + tickMs;
      for (const f of day.fixes) {
        while (f.ms >= nextTick) {
          core.tick(nextTick);
          if (scoring) scoreAt(nextTick);
          nextTick += tickMs;
        }
        const started = process.hrtime.bigint();
        const fields = core.onFix({
          vehicleId: f.vehicleId,
          deviceId: f.vehicleId,
          lon: f.lon,
          lat: f.lat,
          fixTime: new Date(f.ms),
          speedKmh: f.speedKmh,
          bearingDeg: f.bearingDeg,
        });
        engineNs += process.hrtime.bigint() - started;
        drivingTrip.set(f.vehicleId, f.tripId);
        if (scoring) {
          fixCount++;
          if (fields.tripId === f.tripId) matched++;
        }
      }
      core.tick(nextTick);

      function scoreAt(nowMs: number) {
        for (const [vehicleId, calls] of core.calls) {
          const byTrip = day.truth.get(vehicleId);
          const inst = core.vehicles.get(vehicleId)?.inst;
          if (!byTrip || !inst) continue;
          // Scored against what really happened on the trip the bus was really driving.
          const visits = byTrip.get(drivingTrip.get(vehicleId) ?? '');
          if (!visits) continue;
          for (const c of calls) {
            if (c.index === 0) continue;
            const truth = visits.find((s) => s.stopId === inst.trip.stopIds[c.index] && !s.skipped);
            if (!truth || truth.arrival.getTime() < nowMs) continue;
            const awayMin = (c.arrivalMs - nowMs) / 60_000;
            const bucket = ETA_BUCKETS.find((b) => awayMin >= b.fromMin && awayMin < b.toMin);
            if (!bucket) continue;
            const errorS = (truth.arrival.getTime() - c.arrivalMs) / 1000;
            const w = windows.get(bucket.name)!;
            w.count++;
            if (errorS >= bucket.earlyS && errorS <= bucket.lateS) w.within++;
            absErrorSum += Math.abs(errorS);
            scored++;
          }
        }
      }
    }
  }
  const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : 0);
  const within = [...windows.values()].reduce((s, w) => s + w.within, 0);
  return {
    withinWindowPct: pct(within, scored),
    buckets: Object.fromEntries(
      [...windows].map(([name, w]) => [name, { count: w.count, withinPct: pct(w.within, w.count) }]),
    ) as EtaScores['buckets'],
    maeS: scored > 0 ? absErrorSum / scored : 0,
    predictions: scored,
    matchedPct: pct(matched, fixCount),
    fixes: fixCount,
    usPerFix: fixCount > 0 ? Number(engineNs) / 1000 / (fixCount * 2) : 0,
    days,
  };
}

/** The line bench:gps and eval:eta print. */
export function etaLine(s: EtaScores): string {
  const b = s.buckets;
  return `EVAL eta within_window_pct=${s.withinWindowPct.toFixed(1)} b0_3=${b.b0_3.withinPct.toFixed(1)} b3_6=${b.b3_6.withinPct.toFixed(1)} b6_10=${b.b6_10.withinPct.toFixed(1)} b10_15=${b.b10_15.withinPct.toFixed(1)} mae_s=${s.maeS.toFixed(0)}`;
}
