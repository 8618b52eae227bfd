// Which service day the simulator plays (yesterday's night runs, today, or a similar day when the feed has none), and each bus's trips.
import { activeServices, addDays, localDate, serviceDayStartMs, weekdayIndex } from '../transit/service-day';
import type { SimFeed, SimTrip } from './sim-feed';
import { tripSpanS } from './trip-journey-input';

export interface PlayedDay {
  /** Service date played, YYYYMMDD in the feed's zone. */
  date: string;
  dayStartMs: number;
  /** Real time = timetable time + shiftMs (0 when today's timetable runs as is). */
  shiftMs: number;
  /** Why the timetable is shifted, for the log; null when it is not. */
  note: string | null;
  /**
   * The date whose trips follow the played day's (on the next day's clock): the next date, or for a feed without
   * service on it, the nearest date of the same weekday it has (an expired feed's last Sunday is followed by a Monday
   * of its own, not by a day after its calendar ends); null when the feed has none.
   */
  nextDate: string | null;
}

/** Bus start/end around a real moment, seconds after the played day's start. */
function serviceWindowS(feed: SimFeed, date: string): { firstS: number; lastS: number } | null {
  const services = activeServices(feed.calendar, date);
  let firstS = Number.POSITIVE_INFINITY;
  let lastS = Number.NEGATIVE_INFINITY;
  for (const trip of feed.trips.values()) {
    if (!services.has(trip.serviceId)) continue;
    const span = tripSpanS(trip);
    if (!span) continue;
    firstS = Math.min(firstS, span.startS);
    lastS = Math.max(lastS, span.endS);
  }
  return Number.isFinite(firstS) ? { firstS, lastS } : null;
}

/** The nearest date with service and the same weekday as `today` (an expired feed plays its last such day). */
function dateWithService(feed: SimFeed, today: string): string | null {
  if (serviceWindowS(feed, today)) return today;
  const bounds = [...feed.calendar.calendar.values()].flatMap((c) => [c.start, c.end]).concat([...feed.calendar.exceptions.keys()]);
  if (bounds.length === 0) return null;
  const last = bounds.reduce((a, b) => (a > b ? a : b));
  let date = addDays(last, -((weekdayIndex(last) - weekdayIndex(today) + 7) % 7));
  // Walk back week by week through the feed's life (a year at most).
  for (let week = 0; week < 53; week++, date = addDays(date, -7)) if (serviceWindowS(feed, date)) return date;
  return null;
}

/**
 * The real timetable when it has buses on the road now: yesterday's service day while its night runs (times past
 * 24:00) go on, else today's. Otherwise (a feed with no service at this hour, or none today, like the old Caltrain
 * feed) the same weekday the feed serves, and outside its service hours the day shifted so that now falls two
 * hours after the first departure (the demo always shows buses).
 */
export function choosePlayedDay(feed: SimFeed, nowMs: number): PlayedDay | null {
  const tz = feed.timezone;
  const today = localDate(nowMs, tz);
  for (const date of [addDays(today, -1), today]) {
    const window = serviceWindowS(feed, date);
    const dayStartMs = serviceDayStartMs(date, tz);
    const nowS = (nowMs - dayStartMs) / 1000;
    if (window && nowS >= window.firstS && nowS <= window.lastS)
      return { date, dayStartMs, shiftMs: 0, note: null, nextDate: dateWithService(feed, addDays(date, 1)) };
  }
  const date = dateWithService(feed, today);
  if (!date) return null;
  const window = serviceWindowS(feed, date)!;
  const todayStart = serviceDayStartMs(today, tz);
  const dayShiftMs = todayStart - serviceDayStartMs(date, tz);
  const nowS = (nowMs - todayStart) / 1000;
  const notes: string[] = [];
  if (date !== today) notes.push(`the feed has no service on ${today}; playing ${date} (same weekday)`);
  let timeShiftS = 0;
  if (nowS < window.firstS || nowS > window.lastS - 1800) {
    timeShiftS = Math.round((nowS - (window.firstS + 7200)) / 60) * 60;
    notes.push(`outside the service hours in ${tz}: timetable shifted by ${(timeShiftS / 3600).toFixed(1)} h so buses run`);
  }
  return {
    date,
    dayStartMs: serviceDayStartMs(date, tz),
    shiftMs: dayShiftMs + timeShiftS * 1000,
    note: notes.length ? notes.join('; ') : null,
    nextDate: dateWithService(feed, addDays(today, 1)),
  };
}

interface PlannedTrip {
  trip: SimTrip;
  span: { startS: number; endS: number };
}

/** The trips served on a date, their times moved by `offsetS` (the next day's trips on the played day's clock). */
function servedTrips(feed: SimFeed, date: string, offsetS: number): PlannedTrip[] {
  const services = activeServices(feed.calendar, date);
  const move = (s: number | null) => (s === null ? null : s + offsetS);
  const out: PlannedTrip[] = [];
  for (const trip of feed.trips.values()) {
    const span = services.has(trip.serviceId) ? tripSpanS(trip) : null;
    if (!span) continue;
    out.push(
      offsetS === 0
        ? { trip, span }
        : {
            trip: { ...trip, stopTimes: trip.stopTimes.map((st) => ({ ...st, arrivalS: move(st.arrivalS), departureS: move(st.departureS) })) },
            span: { startS: span.startS + offsetS, endS: span.endS + offsetS },
          },
    );
  }
  return out;
}

/** A simulated bus as the fleet file binds it. */
export interface FleetVehicle {
  uniqueId: string;
  routeId: string | null;
  blockId: string | null;
}

/**
 * The trips each bus drives from `nowS` on (seconds after the played day's start): its block's trips, or for a bus
 * bound to a route (or only the feed) a chain of that route's trips, one after the other, no trip given to two buses.
 * With `nextDate` that date's trips follow, on the next day's clock (their times moved onto the played day's), so
 * buses run on past the end of the played day's service instead of stopping until a new plan.
 */
export function planFleet(
  feed: SimFeed,
  date: string,
  vehicles: readonly FleetVehicle[],
  nowS: number,
  options: { nextDate?: string | null } = {},
): Map<string, SimTrip[]> {
  const nextOffsetS = (serviceDayStartMs(addDays(date, 1), feed.timezone) - serviceDayStartMs(date, feed.timezone)) / 1000;
  const trips = [...servedTrips(feed, date, 0), ...(options.nextDate ? servedTrips(feed, options.nextDate, nextOffsetS) : [])]
    .filter((t) => t.span.endS > nowS)
    .sort((a, b) => a.span.startS - b.span.startS || a.trip.tripId.localeCompare(b.trip.tripId));
  const taken = new Set<SimTrip>();
  const plan = new Map<string, SimTrip[]>();
  for (const v of vehicles) {
    if (!v.blockId) continue;
    const block = trips.filter((t) => t.trip.blockId === v.blockId && !taken.has(t.trip));
    block.forEach((t) => taken.add(t.trip));
    plan.set(v.uniqueId, block.map((t) => t.trip));
  }
  for (const v of vehicles) {
    if (v.blockId) continue;
    const chain: SimTrip[] = [];
    let readyS = Number.NEGATIVE_INFINITY;
    let lastStop: string | null = null;
    for (;;) {
      const candidates = trips.filter((t) => !taken.has(t.trip) && (!v.routeId || t.trip.routeId === v.routeId) && t.span.startS >= readyS);
      // Prefer a trip leaving from where the bus stands (the return trip), else the next one of the route.
      const next = candidates.find((t) => lastStop === null || t.trip.stopTimes[0]?.stopId === lastStop) ?? candidates[0];
      if (!next) break;
      taken.add(next.trip);
      chain.push(next.trip);
      readyS = next.span.endS + 120;
      lastStop = next.trip.stopTimes[next.trip.stopTimes.length - 1]?.stopId ?? null;
    }
    plan.set(v.uniqueId, chain);
  }
  return plan;
}
