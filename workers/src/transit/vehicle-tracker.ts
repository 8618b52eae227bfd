// Per-fix progress of one vehicle on its trip (pure): matching when needed, distance along, stop visits, trip hand-over.
import { toXY } from './projection';
import { nearestInRange, projectionsNear, type ShapeProjection } from './shape-line';
import type { SegmentHistory } from './segment-history';
import { blockInstances, instancesAround } from './trip-instances';
import { matchTrip } from './trip-matcher';
import {
  scheduledArrivalMs,
  scheduledDepartureMs,
  tripStartMs,
  type FeedModel,
  type TransitModel,
  type TripInstance,
} from './transit-model';
import type { VehicleFix, VehicleState } from './vehicle-state';

export interface TrackerOptions {
  /** Metres either side of a stop along the shape that count as being at the stop. */
  geofenceM: number;
  offRouteM: number;
  offRouteFixes: number;
  /** Off the route this long: the trip is dropped and matched again. */
  dropTripAfterS: number;
  /** An unmatched vehicle is tried again at most this often (matching costs more than tracking). */
  matchRetryS: number;
  /** Drivers wait at a stop rather than leave more than this early: such waits are not learned as dwell. */
  holdEarlyS: number;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  geofenceM: 30,
  offRouteM: 100,
  offRouteFixes: 3,
  dropTripAfterS: 600,
  matchRetryS: 15,
  holdEarlyS: 60,
};

export interface StopVisit {
  vehicleId: number;
  feedId: number;
  tripId: string;
  routeId: string;
  serviceDate: string;
  stopId: string;
  stopSequence: number;
  arrivedMs: number | null;
  departedMs: number | null;
  scheduledArrivalMs: number;
  scheduledDepartureMs: number;
  delayS: number | null;
}

export interface DepartureSample {
  vehicleId: number;
  inst: TripInstance;
  index: number;
  ms: number;
}

export interface TrackerContext {
  model: TransitModel;
  history: SegmentHistory;
  options: TrackerOptions;
  /** Trip runs other vehicles work now (a second bus on the same run is less likely). */
  taken: { has(key: string): boolean };
  onVisit: (visit: StopVisit) => void;
  onDeparture: (sample: DepartureSample) => void;
}

const MAX_SPEED_MS = 40;
const hourOf = (inst: TripInstance, ms: number) => Math.floor((ms - inst.dayStartMs) / 3600_000) % 24;

function candidatesFor(v: VehicleState, feed: FeedModel, ms: number): TripInstance[] {
  const info = v.info;
  if (info?.feedId === feed.feedId && info.blockId && feed.tripsByBlock.has(info.blockId))
    return blockInstances(feed, info.blockId, ms);
  const trips =
    info?.feedId === feed.feedId && info.routeId
      ? (feed.tripsByRoute.get(info.routeId) ?? [])
      : [...feed.trips.values()];
  return instancesAround(feed, trips, ms, 45 * 60, 45 * 60);
}

function feedsFor(v: VehicleState, model: TransitModel): FeedModel[] {
  const bound = v.info?.feedId ? model.feeds.get(v.info.feedId) : undefined;
  return bound ? [bound] : [...model.feeds.values()];
}

export function startTrip(
  v: VehicleState,
  inst: TripInstance,
  along: number,
  ms: number,
  geofenceM: number,
): void {
  const { stopAlong } = inst.trip;
  v.inst = inst;
  v.along = along;
  v.nextStop = 0;
  while (v.nextStop < stopAlong.length - 1 && stopAlong[v.nextStop]! + geofenceM < along) v.nextStop++;
  v.arrivedMs = Math.abs(stopAlong[v.nextStop]! - along) <= geofenceM ? ms : null;
  v.arrivalObserved = false;
  v.departures = new Float64Array(stopAlong.length).fill(NaN);
  v.offRouteFixes = 0;
  v.backwardFixes = 0;
  v.onRouteMs = ms;
  v.trail = [{ ms, along }];
  v.delayS = null;
  v.state = v.nextStop === 0 ? 'layover' : 'in_service';
  v.dirty = true;
}

function tryMatch(v: VehicleState, fix: VehicleFix, ms: number, ctx: TrackerContext): void {
  if (ms - v.lastMatchMs < ctx.options.matchRetryS * 1000) return;
  v.lastMatchMs = ms;
  for (const feed of feedsFor(v, ctx.model)) {
    const [x, y] = toXY(feed.projection, fix.lon, fix.lat);
    const previous = v.anchor && v.feed === feed ? v.anchor : null;
    const match = matchTrip(
      candidatesFor(v, feed, ms),
      { x, y, ms, bearingDeg: fix.bearingDeg, speedKmh: fix.speedKmh, previous },
      ctx.taken,
    );
    if (match) {
      v.feed = feed;
      v.x = x;
      v.y = y;
      startTrip(v, match.inst, match.along, ms, ctx.options.geofenceM);
      v.offset = match.offset;
      return;
    }
  }
}

/** The moment progress passed `level` between two fixes, by linear interpolation. */
function crossing(level: number, a0: number, t0: number, a1: number, t1: number): number {
  if (a1 <= a0 || level <= a0) return a1 <= a0 ? t1 : t0;
  return t0 + ((Math.min(level, a1) - a0) / (a1 - a0)) * (t1 - t0);
}

function visitOf(v: VehicleState, inst: TripInstance, j: number, departedMs: number | null): StopVisit {
  const arrivedMs = v.arrivalObserved ? v.arrivedMs : null;
  const schedArr = scheduledArrivalMs(inst, j);
  const schedDep = scheduledDepartureMs(inst, j);
  const delayS =
    departedMs !== null
      ? (departedMs - schedDep) / 1000
      : arrivedMs !== null
        ? (arrivedMs - schedArr) / 1000
        : null;
  return {
    vehicleId: v.vehicleId,
    feedId: inst.trip.feedId,
    tripId: inst.trip.tripId,
    routeId: inst.trip.routeId,
    serviceDate: inst.serviceDate,
    stopId: inst.trip.stopIds[j]!,
    stopSequence: inst.trip.stopSequences[j]!,
    arrivedMs,
    departedMs,
    scheduledArrivalMs: schedArr,
    scheduledDepartureMs: schedDep,
    delayS: delayS === null ? null : Math.round(delayS),
  };
}

/** Arrivals and departures at the stops passed between two positions; learned run and dwell times. */
function passStops(
  v: VehicleState,
  a0: number,
  t0: number,
  a1: number,
  t1: number,
  ctx: TrackerContext,
): void {
  const inst = v.inst!;
  const { stopAlong, stopIds, routeId, feedId } = inst.trip;
  const n = stopIds.length;
  const r = ctx.options.geofenceM;
  while (v.nextStop < n) {
    const j = v.nextStop;
    const enter = stopAlong[j]! - r;
    if (a1 < enter) break;
    if (v.arrivedMs === null) {
      v.arrivedMs = crossing(enter, a0, t0, a1, t1);
      v.arrivalObserved = true;
      v.delayS = Math.round((v.arrivedMs - scheduledArrivalMs(inst, j)) / 1000);
      const from = v.departures[j - 1];
      if (j > 0 && from !== undefined && !Number.isNaN(from))
        ctx.history.record({
          kind: 'run',
          feedId,
          routeId,
          fromStopId: stopIds[j - 1]!,
          toStopId: stopIds[j]!,
          hour: hourOf(inst, from),
          valueS: (v.arrivedMs - from) / 1000,
        });
    }
    if (j === n - 1) {
      ctx.onVisit(visitOf(v, inst, j, null));
      v.nextStop = n;
      break;
    }
    const exit = stopAlong[j]! + r;
    if (a1 <= exit) break;
    const departed = crossing(exit, a0, t0, a1, t1);
    const holding = v.arrivedMs < scheduledDepartureMs(inst, j) - ctx.options.holdEarlyS * 1000;
    if (v.arrivalObserved && !holding)
      ctx.history.record({
        kind: 'dwell',
        feedId,
        routeId,
        fromStopId: stopIds[j]!,
        toStopId: stopIds[j]!,
        hour: hourOf(inst, v.arrivedMs),
        valueS: (departed - v.arrivedMs) / 1000,
      });
    v.departures[j] = departed;
    ctx.onVisit(visitOf(v, inst, j, departed));
    ctx.onDeparture({ vehicleId: v.vehicleId, inst, index: j, ms: departed });
    v.delayS = Math.round((departed - scheduledDepartureMs(inst, j)) / 1000);
    v.arrivedMs = null;
    v.arrivalObserved = false;
    v.nextStop++;
  }
}

/** At the end of a run: the block's next run if the vehicle works a block, else matching starts again. */
function finishTrip(v: VehicleState, ms: number, ctx: TrackerContext): void {
  const done = v.inst!;
  const blockId = v.info?.blockId;
  v.inst = null;
  v.state = 'layover';
  v.lastMatchMs = -Infinity;
  v.dirty = true;
  if (!blockId || !v.feed || done.trip.blockId !== blockId) return;
  const next = blockInstances(v.feed, blockId, ms).find(
    (i) => tripStartMs(i) >= tripStartMs(done) && i.key !== done.key,
  );
  if (!next) return;
  const p = nearestInRange(next.trip.shape, v.x, v.y, 0, next.trip.stopAlong[0]! + 500);
  startTrip(v, next, p && p.offset < ctx.options.offRouteM ? p.along : 0, ms, ctx.options.geofenceM);
}

/** A detour rejoins the route at most this far past the plausible window (progress is counted through it). */
const REJOIN_AHEAD_M = 1000;
/** Behind the last progress, a pass of the shape this close still counts as on the route (progress stays). */
const BEHIND_M = 300;
/** Beyond the rejoin reach, a fix re-anchors progress only this close to the shape (a clearer sign than 100 m). */
const JUMP_OFFSET_M = 50;

/**
 * The fix's place on the trip when the window around the last progress holds none: the first close pass of the
 * whole shape ahead (a detour rejoining, or a jump after a GPS gap or a restarted device), else one a little behind.
 * Only runs when the cheap windowed search failed, and uses the shape's grid.
 */
function searchWholeShape(
  v: VehicleState,
  lo: number,
  hi: number,
  offRouteM: number,
): { p: ShapeProjection; jump: boolean } | null {
  const passes = projectionsNear(v.inst!.trip.shape, v.x, v.y, offRouteM);
  let ahead: ShapeProjection | null = null;
  let behind: ShapeProjection | null = null;
  for (const q of passes) {
    if (q.along >= lo) {
      if (q.along > hi + REJOIN_AHEAD_M && q.offset > JUMP_OFFSET_M) continue;
      if (!ahead || q.along < ahead.along) ahead = q;
    } else if (q.along >= v.along - BEHIND_M && (!behind || q.along > behind.along)) behind = q;
  }
  if (ahead) return { p: ahead, jump: ahead.along > hi + REJOIN_AHEAD_M };
  return behind ? { p: behind, jump: false } : null;
}

/**
 * Progress moved on to where the vehicle is now: the stops in between were not seen, so no visits or learned times
 * are made up for them; the stop it is at (or heads for) is next, and the recent speed starts afresh.
 */
function reanchor(v: VehicleState, along: number, ms: number, geofenceM: number): void {
  const { stopAlong } = v.inst!.trip;
  v.along = along;
  while (v.nextStop < stopAlong.length - 1 && stopAlong[v.nextStop]! + geofenceM < along) v.nextStop++;
  v.arrivedMs = Math.abs(stopAlong[v.nextStop]! - along) <= geofenceM ? ms : null;
  v.arrivalObserved = false;
  v.trail = [];
  v.dirty = true;
}

function track(v: VehicleState, ms: number, previousMs: number, ctx: TrackerContext): void {
  const inst = v.inst!;
  const shape = inst.trip.shape;
  const elapsedS = Math.max(0, (ms - v.onRouteMs) / 1000);
  const lo = v.along - 60;
  const hi = v.along + 300 + elapsedS * MAX_SPEED_MS;
  let p = nearestInRange(shape, v.x, v.y, lo, hi);
  if (!p || p.offset > ctx.options.offRouteM) {
    const found = searchWholeShape(v, lo, hi, ctx.options.offRouteM);
    if (found?.jump) reanchor(v, found.p.along, ms, ctx.options.geofenceM);
    if (found) p = found.p;
  }
  if (!p || p.offset > ctx.options.offRouteM) {
    v.offset = p?.offset ?? Infinity;
    v.offRouteFixes++;
    if (v.offRouteFixes >= ctx.options.offRouteFixes) v.state = 'off_route';
    if (ms - v.onRouteMs > ctx.options.dropTripAfterS * 1000) {
      v.inst = null;
      v.state = 'unassigned';
      v.lastMatchMs = -Infinity;
      v.dirty = true;
    }
    return;
  }
  v.offset = p.offset;
  v.offRouteFixes = 0;
  v.onRouteMs = ms;
  // Pinned at the window's back edge while on the shape: the vehicle runs the other way.
  v.backwardFixes = p.along <= lo + 1 && v.along > 100 ? v.backwardFixes + 1 : 0;
  if (v.backwardFixes >= 6) {
    v.inst = null;
    v.state = 'unassigned';
    v.lastMatchMs = -Infinity;
    v.dirty = true;
    return;
  }
  const a0 = v.along;
  // Progress never goes back: noise around a stop must not re-enter it.
  const a1 = Math.max(a0, p.along);
  v.along = a1;
  if (a1 > a0) v.dirty = true;
  passStops(v, a0, previousMs, a1, ms, ctx);
  v.trail.push({ ms, along: a1 });
  while (v.trail.length > 2 && ms - v.trail[0]!.ms > 45_000) v.trail.shift();
  if (v.nextStop >= inst.trip.stopIds.length) finishTrip(v, ms, ctx);
  else v.state = v.nextStop === 0 ? 'layover' : 'in_service';
}

/** One fix in time order; out-of-order fixes are ignored (they are history, not progress). */
export function advanceVehicle(v: VehicleState, fix: VehicleFix, ctx: TrackerContext): void {
  const ms = fix.fixTime.getTime();
  if (ms <= v.fixMs) return;
  const previousMs = v.fixMs;
  if (!v.feed && v.info?.feedId) v.feed = ctx.model.feeds.get(v.info.feedId) ?? null;
  if (v.feed) {
    const [x, y] = toXY(v.feed.projection, fix.lon, fix.lat);
    // The last fix far enough away to tell the direction of travel.
    if (v.fixMs > 0 && Math.hypot(x - v.x, y - v.y) >= 30) v.anchor = { x: v.x, y: v.y, ms: v.fixMs };
    v.x = x;
    v.y = y;
  }
  v.lon = fix.lon;
  v.lat = fix.lat;
  v.fixMs = ms;
  v.speedKmh = fix.speedKmh;
  if (v.state === 'stale') v.state = v.inst ? 'in_service' : 'unassigned';
  if (!v.inst) {
    tryMatch(v, fix, ms, ctx);
    return;
  }
  track(v, ms, previousMs, ctx);
}

/** Metres per second along the route over the last 45 s, or null when too little is known. */
export function recentSpeed(v: VehicleState): number | null {
  const first = v.trail[0];
  const last = v.trail[v.trail.length - 1];
  if (!first || !last || last.ms - first.ms < 15_000) return null;
  return (last.along - first.along) / ((last.ms - first.ms) / 1000);
}
