// The GPS benchmark's buses on the demo network: each bound to a trip running now, its fixes read off a simulated journey.
import { simulateJourney } from '../src/gps-sim/bus-journey';
import type { SimFeed, SimTrip } from '../src/gps-sim/sim-feed';
import { timedStops, tripPath, tripSpanS } from '../src/gps-sim/trip-journey-input';
import { activeServices, addDays, localDate, serviceDayStartMs } from '../src/transit/service-day';

/** A trip run under way at a moment: the trip and the start of the service day it runs on. */
export interface RunningTrip {
  trip: SimTrip;
  dayStartMs: number;
  startMs: number;
  endMs: number;
}

/** Where the bus is at an instant (noisy GPS position, speed in km/h, heading in degrees). */
export interface BusPosition {
  lon: number;
  lat: number;
  speedKmh: number;
  bearingDeg: number;
  accuracyM: number;
}

/** One bus's simulated journey over the bench's time window, sampled every second and interpolated in between. */
export interface BenchBus {
  feedId: number;
  routeId: string;
  blockId: string | null;
  tripId: string;
  at(ms: number): BusPosition;
}

/**
 * Trip runs on the road at `nowMs` that left their first stop at least a minute ago (so the engine sees them in
 * service, not on layover) and run until `untilMs` at least; runs only under way at `nowMs` if none run that long.
 * Yesterday's service day is included: its night trips run past 24:00.
 */
export function tripsRunningAt(feed: SimFeed, nowMs: number, untilMs: number): RunningTrip[] {
  const today = localDate(nowMs, feed.timezone);
  const running: RunningTrip[] = [];
  for (const date of [addDays(today, -1), today]) {
    const services = activeServices(feed.calendar, date);
    const dayStartMs = serviceDayStartMs(date, feed.timezone);
    for (const trip of feed.trips.values()) {
      const span = services.has(trip.serviceId) ? tripSpanS(trip) : null;
      if (!span) continue;
      const startMs = dayStartMs + span.startS * 1000;
      const endMs = dayStartMs + span.endS * 1000;
      if (startMs <= nowMs - 60_000 && endMs > nowMs) running.push({ trip, dayStartMs, startMs, endMs });
    }
  }
  const long = running.filter((r) => r.endMs >= untilMs);
  return (long.length > 0 ? long : running).sort(
    (a, b) => a.startMs - b.startMs || a.trip.tripId.localeCompare(b.trip.tripId),
  );
}

/** Simulated journeys in all: simulating a whole trip costs ~10 ms, so buses on one run share a few journeys. */
const JOURNEYS = 160;
/** Buses sharing a journey follow it this far apart (seconds behind one another): distinct positions, same plausibility. */
const SPACING_MS = 5000;

type Sampler = (ms: number) => BusPosition;

/**
 * A bus driving `run` as the simulator would (acceleration, lights, dwell, GPS noise; its own seed), kept only from
 * `fromMs` to `toMs`: before and after, it stands at the window's first or last sampled position.
 */
export function journeySampler(
  feed: SimFeed,
  run: RunningTrip,
  seed: string,
  fromMs: number,
  toMs: number,
): Sampler {
  const path = tripPath(feed, run.trip);
  if (!path) throw new Error(`trip ${run.trip.tripId} has no usable stops`);
  const journey = simulateJourney({
    shape: path.shape,
    stops: timedStops(run.trip, path, run.dayStartMs),
    start: new Date(run.startMs - 60_000),
    // One-second samples, interpolated between: the bench asks for positions every ~100 ms. Noise a little below the
    // simulator's default, so that two fixes 100 ms apart stay within their reported accuracy (the jump filter).
    options: { seed, fixIntervalS: 1, noiseSigmaM: 3, timeZone: feed.timezone },
  });
  const kept = journey.fixes.filter(
    (f) => f.fixTime.getTime() >= fromMs - 1000 && f.fixTime.getTime() <= toMs + 1000,
  );
  const samples = kept.length > 0 ? kept : journey.fixes.slice(-1);
  const firstMs = samples[0]!.fixTime.getTime();
  return (ms) => {
    const offset = Math.min(samples.length - 1, Math.max(0, (ms - firstMs) / 1000));
    const i = Math.floor(offset);
    const a = samples[i]!;
    const b = samples[Math.min(samples.length - 1, i + 1)]!;
    const f = offset - i;
    return {
      lon: a.lon + (b.lon - a.lon) * f,
      lat: a.lat + (b.lat - a.lat) * f,
      speedKmh: a.speedKmh + (b.speedKmh - a.speedKmh) * f,
      bearingDeg: a.bearingDeg,
      accuracyM: a.accuracyM,
    };
  };
}

/**
 * `count` buses spread round-robin over the trips running now. The buses of one run share its few simulated
 * journeys, each bus SPACING_MS behind the previous one on the same journey; every bus keeps its own clock (fresh
 * timestamps), only its place lags.
 */
export function planBenchBuses(feed: SimFeed, count: number, nowMs: number, windowMs: number): BenchBus[] {
  const runs = tripsRunningAt(feed, nowMs, nowMs + windowMs);
  if (runs.length === 0)
    throw new Error(`no trip of feed ${feed.name} runs at ${new Date(nowMs).toISOString()}`);
  const perRun = Math.ceil(count / runs.length);
  const variants = Math.min(perRun, Math.max(1, Math.ceil(JOURNEYS / runs.length)));
  const maxLagMs = Math.floor((perRun - 1) / variants) * SPACING_MS;
  const samplers = new Map<string, Sampler>();
  return Array.from({ length: count }, (_, i) => {
    const run = runs[i % runs.length]!;
    const k = Math.floor(i / runs.length);
    const key = `${run.trip.tripId}:${run.dayStartMs}:${k % variants}`;
    let sampler = samplers.get(key);
    if (!sampler)
      samplers.set(
        key,
        (sampler = journeySampler(feed, run, `bench:${key}`, nowMs - maxLagMs, nowMs + windowMs)),
      );
    const lagMs = Math.floor(k / variants) * SPACING_MS;
    const at = sampler;
    return {
      feedId: feed.feedId,
      routeId: run.trip.routeId,
      blockId: run.trip.blockId,
      tripId: run.trip.tripId,
      at: (ms: number) => at(ms - lagMs),
    };
  });
}
