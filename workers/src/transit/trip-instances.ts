// Which trip runs happen around an instant: active services on the feed's service days, frequency trips expanded.
import { activeServices, addDays, localDate, serviceDayStartMs } from './service-day';
import type { FeedModel, TripInstance, TripPattern } from './transit-model';

const activeCache = new WeakMap<FeedModel, Map<string, Set<string>>>();

export function servicesOn(feed: FeedModel, date: string): Set<string> {
  let byDate = activeCache.get(feed);
  if (!byDate) activeCache.set(feed, (byDate = new Map()));
  let set = byDate.get(date);
  if (!set) {
    if (byDate.size > 8) byDate.clear();
    byDate.set(date, (set = activeServices(feed.calendar, date)));
  }
  return set;
}

/**
 * The service days whose trips may run between two instants, with their time origins: from the day before the
 * first instant's date (its trips after midnight are written as 24:00 and later) to the last instant's date.
 */
export function serviceDaysAround(
  feed: FeedModel,
  ms: number,
  untilMs = ms,
): Array<{ date: string; startMs: number }> {
  const last = localDate(untilMs, feed.timezone);
  const days: Array<{ date: string; startMs: number }> = [];
  for (let date = addDays(localDate(ms, feed.timezone), -1); date <= last; date = addDays(date, 1))
    days.push({ date, startMs: serviceDayStartMs(date, feed.timezone) });
  return days;
}

/** Runs of the given patterns whose scheduled span, widened by the slack, covers `ms`. */
export function instancesAround(
  feed: FeedModel,
  trips: readonly TripPattern[],
  ms: number,
  slackBeforeS: number,
  slackAfterS: number,
): TripInstance[] {
  const out: TripInstance[] = [];
  for (const day of serviceDaysAround(feed, ms, ms + slackBeforeS * 1000)) {
    const services = servicesOn(feed, day.date);
    const s = (ms - day.startMs) / 1000;
    for (const trip of trips) {
      if (!services.has(trip.serviceId)) continue;
      const first = trip.dep[0]!;
      const duration = trip.arr[trip.arr.length - 1]! - first;
      if (trip.frequencies.length === 0) {
        if (s >= first - slackBeforeS && s <= first + duration + slackAfterS)
          out.push({
            trip,
            serviceDate: day.date,
            dayStartMs: day.startMs,
            baseMs: day.startMs,
            key: `${trip.tripId}|${day.date}`,
          });
        continue;
      }
      for (const f of trip.frequencies) {
        // Starts whose window covers s: start in [s - duration - after, s + before].
        const lo = Math.max(f.startS, s - duration - slackAfterS);
        const hi = Math.min(f.endS - 1, s + slackBeforeS);
        for (let k = Math.ceil((lo - f.startS) / f.headwayS); f.startS + k * f.headwayS <= hi; k++) {
          const start = f.startS + k * f.headwayS;
          const baseMs = day.startMs + (start - first) * 1000;
          out.push({
            trip,
            serviceDate: day.date,
            dayStartMs: day.startMs,
            baseMs,
            key: `${trip.tripId}|${day.date}|${start}`,
          });
        }
      }
    }
  }
  return out;
}

/** A block's runs of the day in order: the vehicle works them one after another. */
export function blockInstances(feed: FeedModel, blockId: string, ms: number): TripInstance[] {
  return instancesAround(feed, feed.tripsByBlock.get(blockId) ?? [], ms, 24 * 3600, 24 * 3600).sort(
    (a, b) => a.baseMs + a.trip.dep[0]! * 1000 - (b.baseMs + b.trip.dep[0]! * 1000),
  );
}
