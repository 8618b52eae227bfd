// Builds a feed's in-memory model from its GTFS rows (pure): projects stops and shapes, places stops on shapes.
import type { TripRow } from '@toc/server/gtfs/gtfs-rows';
import type { Translations } from '@toc/server/schemas';
import { projectionAround, toXY } from './projection';
import { buildShapeLine, nearestInRange, projectionsNear, type ShapeLine } from './shape-line';
import type { ServiceCalendar } from './service-day';
import type { FeedModel, Frequency, RouteInfo, StopInfo, TripPattern } from './transit-model';

export interface FeedRows {
  feed: { feedId: number; name: string; timezone: string };
  stops: Array<{ stopId: string; name: string; translations: Translations; lon: number; lat: number }>;
  routes: RouteInfo[];
  shapes: Array<{ shapeId: string; coordinates: Array<[number, number]> }>;
  trips: TripRow[];
  /** Ordered by trip, then stop sequence. */
  stopTimes: Array<{
    tripId: string;
    stopSequence: number;
    stopId: string;
    arrivalS: number | null;
    departureS: number | null;
  }>;
  frequencies: Array<{ tripId: string } & Frequency>;
  calendar: Array<{ serviceId: string; weekdays: boolean[]; startDate: string; endDate: string }>;
  calendarDates: Array<{ serviceId: string; date: string; exceptionType: number }>;
}

/** Stops in trip order onto the shape: the earliest close pass after the previous stop, so loops and out-and-backs place each stop on its own leg. */
export function placeStopsOnShape(shape: ShapeLine, points: Array<[number, number]>): Float64Array {
  const along = new Float64Array(points.length);
  let previous = 0;
  for (let j = 0; j < points.length; j++) {
    const [x, y] = points[j]!;
    const near = projectionsNear(shape, x, y, 150).filter((p) => p.along >= previous - 1);
    let chosen: number;
    if (near.length > 0) {
      const best = Math.min(...near.map((p) => p.offset));
      chosen = near.filter((p) => p.offset <= best + 10).sort((a, b) => a.along - b.along)[0]!.along;
    } else {
      chosen = nearestInRange(shape, x, y, previous, shape.length)?.along ?? previous;
    }
    previous = Math.max(previous, chosen);
    along[j] = previous;
  }
  return along;
}

/** Missing stop times (non-timepoints) filled by distance between the known ones. */
function fillTimes(times: Array<number | null>, along: Float64Array): Float64Array {
  const out = new Float64Array(times.length);
  let lastKnown = -1;
  for (let j = 0; j < times.length; j++) {
    const t = times[j];
    if (t === null || t === undefined) continue;
    out[j] = t;
    if (lastKnown >= 0 && j - lastKnown > 1) {
      const span = along[j]! - along[lastKnown]!;
      for (let k = lastKnown + 1; k < j; k++) {
        const f = span > 0 ? (along[k]! - along[lastKnown]!) / span : (k - lastKnown) / (j - lastKnown);
        out[k] = out[lastKnown]! + f * (t - out[lastKnown]!);
      }
    }
    lastKnown = j;
  }
  for (let j = lastKnown + 1; j < times.length; j++) out[j] = lastKnown >= 0 ? out[lastKnown]! : 0;
  return out;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function buildFeedModel(rows: FeedRows): FeedModel {
  const projection = projectionAround(rows.stops);
  const stops = new Map<string, StopInfo>();
  for (const s of rows.stops) {
    const [x, y] = toXY(projection, s.lon, s.lat);
    stops.set(s.stopId, { ...s, x, y });
  }
  const shapes = new Map<string, ShapeLine>();
  for (const s of rows.shapes) {
    const xy = s.coordinates.map(([lon, lat]) => toXY(projection, lon, lat));
    shapes.set(
      s.shapeId,
      buildShapeLine(
        s.shapeId,
        xy.map((p) => p[0]),
        xy.map((p) => p[1]),
      ),
    );
  }
  const routes = new Map(rows.routes.map((r) => [r.routeId, r]));
  const frequencies = groupBy(rows.frequencies, (f) => f.tripId);
  const stopTimes = groupBy(rows.stopTimes, (st) => st.tripId);
  const trips = new Map<string, TripPattern>();
  for (const t of rows.trips) {
    const calls = (stopTimes.get(t.tripId) ?? []).filter((c) => stops.has(c.stopId));
    if (calls.length < 2) continue;
    const points = calls.map((c) => [stops.get(c.stopId)!.x, stops.get(c.stopId)!.y] as [number, number]);
    // Without a shape the stops joined by straight lines stand in for one.
    let shape = t.shapeId ? shapes.get(t.shapeId) : undefined;
    if (!shape || shape.length === 0) {
      const id = `stops:${calls.map((c) => c.stopId).join(',')}`;
      shape =
        shapes.get(id) ??
        buildShapeLine(
          id,
          points.map((p) => p[0]),
          points.map((p) => p[1]),
        );
      shapes.set(id, shape);
    }
    const stopAlong = placeStopsOnShape(shape, points);
    const arr = fillTimes(
      calls.map((c) => c.arrivalS ?? c.departureS),
      stopAlong,
    );
    const dep = fillTimes(
      calls.map((c) => c.departureS ?? c.arrivalS),
      stopAlong,
    );
    trips.set(t.tripId, {
      feedId: rows.feed.feedId,
      tripId: t.tripId,
      routeId: t.routeId,
      serviceId: t.serviceId,
      headsign: t.headsign,
      headsignTranslations: t.translations,
      directionId: t.directionId,
      blockId: t.blockId,
      shape,
      stopIds: calls.map((c) => c.stopId),
      stopSequences: calls.map((c) => c.stopSequence),
      arr,
      dep,
      stopAlong,
      frequencies: (frequencies.get(t.tripId) ?? []).map(({ startS, endS, headwayS }) => ({
        startS,
        endS,
        headwayS,
      })),
    });
  }
  const all = [...trips.values()].sort((a, b) => a.dep[0]! - b.dep[0]!);
  const callsAtStop = new Map<string, Array<{ trip: TripPattern; index: number }>>();
  for (const trip of all)
    trip.stopIds.forEach((stopId, index) => {
      const list = callsAtStop.get(stopId);
      if (list) list.push({ trip, index });
      else callsAtStop.set(stopId, [{ trip, index }]);
    });
  const calendar: ServiceCalendar = { calendar: new Map(), exceptions: new Map() };
  for (const c of rows.calendar)
    calendar.calendar.set(c.serviceId, { weekdays: c.weekdays, start: c.startDate, end: c.endDate });
  for (const d of rows.calendarDates) {
    let day = calendar.exceptions.get(d.date);
    if (!day) calendar.exceptions.set(d.date, (day = new Map()));
    day.set(d.serviceId, d.exceptionType === 1 ? 1 : 2);
  }
  return {
    feedId: rows.feed.feedId,
    name: rows.feed.name,
    timezone: rows.feed.timezone,
    projection,
    stops,
    routes,
    trips,
    tripsByRoute: groupBy(all, (t) => t.routeId),
    tripsByBlock: groupBy(
      all.filter((t) => t.blockId !== null),
      (t) => t.blockId!,
    ),
    callsAtStop,
    calendar,
  };
}
