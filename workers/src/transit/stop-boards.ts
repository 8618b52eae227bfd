// The arrivals board of a stop (pure): live predictions merged with timetabled runs no bus is working yet.
import type { StopArrival, StopArrivalsMessage } from '@toc/server/schemas';
import { serviceDaysAround, servicesOn } from './trip-instances';
import type { FeedModel, TripInstance, TripPattern } from './transit-model';

export const BOARD_CAP = 10;
/** Timetabled runs shown this far ahead, so a sign is never empty during service. */
export const SCHEDULE_HORIZON_MS = 3600_000;
/** A predicted bus stays on the board this long past its time (it is "due"). */
const DUE_GRACE_MS = 60_000;

export function scheduledArrival(
  feed: FeedModel,
  inst: TripInstance,
  index: number,
  vehicle: { id: number; label: string; electric: boolean } | null,
  predictedMs: number,
): StopArrival {
  const trip = inst.trip;
  const route = feed.routes.get(trip.routeId);
  return {
    feedId: feed.feedId,
    stopId: trip.stopIds[index]!,
    tripId: trip.tripId,
    routeId: trip.routeId,
    routeShortName: route?.shortName ?? route?.longName ?? null,
    routeColor: route?.color ?? null,
    headsign: trip.headsign,
    headsignTranslations: trip.headsignTranslations,
    vehicleId: vehicle?.id ?? null,
    vehicleLabel: vehicle?.label ?? null,
    electric: vehicle?.electric ?? false,
    predictedAt: new Date(predictedMs).toISOString(),
    scheduledAt: new Date(inst.baseMs + trip.arr[index]! * 1000).toISOString(),
    source: vehicle ? 'realtime' : 'schedule',
  };
}

/** Timetabled calls at a stop between two instants (frequency trips expanded); the last stop of a trip is no departure, so left out. */
export function scheduledCalls(
  feed: FeedModel,
  stopId: string,
  fromMs: number,
  toMs: number,
): Array<{ inst: TripInstance; index: number; ms: number }> {
  const out: Array<{ inst: TripInstance; index: number; ms: number }> = [];
  const calls = feed.callsAtStop.get(stopId) ?? [];
  for (const day of serviceDaysAround(feed, fromMs, toMs)) {
    const services = servicesOn(feed, day.date);
    const lo = (fromMs - day.startMs) / 1000;
    const hi = (toMs - day.startMs) / 1000;
    for (const { trip, index } of calls) {
      if (index === trip.stopIds.length - 1 || !services.has(trip.serviceId)) continue;
      for (const inst of runsOf(trip, day, lo, hi, index))
        out.push({ inst, index, ms: inst.baseMs + trip.arr[index]! * 1000 });
    }
  }
  return out.sort((a, b) => a.ms - b.ms);
}

function runsOf(
  trip: TripPattern,
  day: { date: string; startMs: number },
  lo: number,
  hi: number,
  index: number,
): TripInstance[] {
  const at = trip.arr[index]!;
  if (trip.frequencies.length === 0)
    return at >= lo && at <= hi
      ? [
          {
            trip,
            serviceDate: day.date,
            dayStartMs: day.startMs,
            baseMs: day.startMs,
            key: `${trip.tripId}|${day.date}`,
          },
        ]
      : [];
  const out: TripInstance[] = [];
  const offset = at - trip.dep[0]!;
  for (const f of trip.frequencies)
    for (
      let start = f.startS + Math.max(0, Math.ceil((lo - offset - f.startS) / f.headwayS)) * f.headwayS;
      start < f.endS && start + offset <= hi;
      start += f.headwayS
    )
      out.push({
        trip,
        serviceDate: day.date,
        dayStartMs: day.startMs,
        baseMs: day.startMs + (start - trip.dep[0]!) * 1000,
        key: `${trip.tripId}|${day.date}|${start}`,
      });
  return out;
}

/** Live first-class; timetabled runs fill in where no bus works the run; soonest first, capped. */
export function buildBoard(
  feed: FeedModel,
  stopId: string,
  nowMs: number,
  live: Iterable<StopArrival>,
  workedRuns: { has(key: string): boolean },
): StopArrivalsMessage {
  const arrivals: StopArrival[] = [];
  for (const a of live) if (Date.parse(a.predictedAt) >= nowMs - DUE_GRACE_MS) arrivals.push(a);
  for (const call of scheduledCalls(feed, stopId, nowMs, nowMs + SCHEDULE_HORIZON_MS))
    if (!workedRuns.has(call.inst.key))
      arrivals.push(scheduledArrival(feed, call.inst, call.index, null, call.ms));
  arrivals.sort((a, b) => Date.parse(a.predictedAt) - Date.parse(b.predictedAt));
  return {
    feedId: feed.feedId,
    stopId,
    at: new Date(nowMs).toISOString(),
    arrivals: arrivals.slice(0, BOARD_CAP),
  };
}
