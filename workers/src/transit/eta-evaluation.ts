// ETA accuracy on replayed service days: simulated buses (gps-sim) drive the real engine; predictions are scored against the true arrivals.
import type { Queryable } from '@toc/server/db/pool';
import { simulateJourney, type StopVisit as TrueVisit } from '../gps-sim/bus-journey';
import { planFleet } from '../gps-sim/fleet-plan';
import { optionsForRouteType } from '../gps-sim/journey-options';
import type { SimFeed } from '../gps-sim/sim-feed';
import { loadSimFeed } from '../gps-sim/sim-feed.loader';
import { timedStops, tripPath } from '../gps-sim/trip-journey-input';
import { activeServices, addDays, localDate, serviceDayStartMs } from './service-day';
import { WindowScorer, type WindowScores } from './eta-windows';
import { DEFAULT_CORE_OPTIONS, TransitCore } from './transit-core';
import { scheduledArrivalMs } from './transit-model';
import { loadTransitModel } from './transit-model.loader';

export interface EtaScores extends WindowScores {
  /** The same calls predicted without the engine: the timetable alone, and the timetable shifted by the bus's delay now. */
  baselines: { timetable: WindowScores; delayCarried: WindowScores };
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

  const engine = new WindowScorer();
  const timetable = new WindowScorer();
  const delayCarried = new WindowScorer();
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
          const vehicle = core.vehicles.get(vehicleId);
          const inst = vehicle?.inst;
          if (!byTrip || !inst) continue;
          // Scored against what really happened on the trip the bus was really driving.
          const visits = byTrip.get(drivingTrip.get(vehicleId) ?? '');
          if (!visits) continue;
          for (const c of calls) {
            if (c.index === 0) continue;
            const truth = visits.find((s) => s.stopId === inst.trip.stopIds[c.index] && !s.skipped);
            if (!truth || truth.arrival.getTime() < nowMs) continue;
            const actualMs = truth.arrival.getTime();
            const scheduledMs = scheduledArrivalMs(inst, c.index);
            engine.add(nowMs, c.arrivalMs, actualMs);
            timetable.add(nowMs, scheduledMs, actualMs);
            delayCarried.add(nowMs, scheduledMs + (vehicle.delayS ?? 0) * 1000, actualMs);
          }
        }
      }
    }
  }
  return {
    ...engine.scores(),
    baselines: { timetable: timetable.scores(), delayCarried: delayCarried.scores() },
    matchedPct: fixCount > 0 ? (100 * matched) / fixCount : 0,
    fixes: fixCount,
    usPerFix: fixCount > 0 ? Number(engineNs) / 1000 / (fixCount * 2) : 0,
    days,
  };
}

/** The line bench:gps and eval:eta print: the engine's scores, then the baselines' share within the windows. */
export function etaLine(s: EtaScores): string {
  const b = s.buckets;
  const { timetable, delayCarried } = s.baselines;
  return (
    `EVAL eta within_window_pct=${s.withinWindowPct.toFixed(1)} b0_3=${b.b0_3.withinPct.toFixed(1)} b3_6=${b.b3_6.withinPct.toFixed(1)} ` +
    `b6_10=${b.b6_10.withinPct.toFixed(1)} b10_15=${b.b10_15.withinPct.toFixed(1)} mae_s=${s.maeS.toFixed(0)} ` +
    `timetable_pct=${timetable.withinWindowPct.toFixed(1)} delay_carried_pct=${delayCarried.withinWindowPct.toFixed(1)}`
  );
}
