// The transit engine without I/O: vehicles' progress, alarms, predictions and stop boards from fixes and ticks.
import type { StopArrival, StopArrivalsMessage, TripPrediction } from '@toc/server/schemas';
import { BusAlerts, DEFAULT_ALERT_OPTIONS, type AlertAction, type AlertOptions } from './bus-alerts';
import type { BusContext } from './bus-alert-text';
import { predictTrip, type PredictedCall } from './eta-predictor';
import { HeadwayBook } from './headway-book';
import { SegmentHistory, type SegmentDelta } from './segment-history';
import { buildBoard, scheduledArrival } from './stop-boards';
import type { TransitModel } from './transit-model';
import {
  newVehicleState,
  tripFieldsOf,
  type TripFields,
  type VehicleFix,
  type VehicleState,
} from './vehicle-state';
import {
  advanceVehicle,
  DEFAULT_TRACKER_OPTIONS,
  recentSpeed,
  type StopVisit,
  type TrackerContext,
  type TrackerOptions,
} from './vehicle-tracker';

export interface CoreOptions {
  tracker: TrackerOptions;
  alerts: AlertOptions;
  defaultDwellS: number;
  /** A stop's board is sent at most this often. */
  boardEveryMs: number;
  /** Every stop's board is rebuilt this often, so timetable-only boards stay current. */
  allBoardsEveryMs: number;
}

export const DEFAULT_CORE_OPTIONS: CoreOptions = {
  tracker: DEFAULT_TRACKER_OPTIONS,
  alerts: DEFAULT_ALERT_OPTIONS,
  defaultDwellS: 20,
  boardEveryMs: 5000,
  allBoardsEveryMs: 60_000,
};

export interface TickOutput {
  changed: Array<{ vehicleId: number; fields: TripFields }>;
  /** Vehicle id → its trip's predictions, or null when it has none any more. */
  predictions: Map<number, TripPrediction | null>;
  /** Boards to store; `publish` marks those whose content changed. */
  boards: Array<{ board: StopArrivalsMessage; publish: boolean }>;
  visits: StopVisit[];
  segmentDeltas: SegmentDelta[];
  alerts: AlertAction[];
}

const REPREDICT_MS = 30_000;
const stopKey = (feedId: number, stopId: string) => `${feedId}|${stopId}`;
const signature = (f: TripFields) => `${f.state}|${f.tripId}|${f.nextStopId}|${f.delayS}`;

export class TransitCore {
  readonly vehicles = new Map<number, VehicleState>();
  readonly history = new SegmentHistory();
  readonly alerts: BusAlerts;
  private readonly headways = new HeadwayBook();
  /** Trip run key → vehicle working it. */
  private readonly worked = new Map<string, number>();
  private visits: StopVisit[] = [];
  /** Latest predicted calls per vehicle (for boards and the evaluation). */
  readonly calls = new Map<number, PredictedCall[]>();
  private readonly live = new Map<string, Map<number, StopArrival>>();
  private readonly dirtyStops = new Set<string>();
  private readonly boardSentMs = new Map<string, number>();
  private readonly boardContent = new Map<string, string>();
  private lastAllBoardsMs = -Infinity;
  /** Runs a bus is visibly working: a silent bus's run shows on the boards by its timetable again. */
  private readonly liveRuns = {
    has: (key: string) => {
      const id = this.worked.get(key);
      return id !== undefined && this.vehicles.get(id)?.state !== 'stale';
    },
  };
  private readonly ctx: TrackerContext;

  constructor(
    public model: TransitModel,
    readonly options: CoreOptions = DEFAULT_CORE_OPTIONS,
  ) {
    this.alerts = new BusAlerts(options.alerts);
    this.ctx = {
      model,
      history: this.history,
      options: options.tracker,
      taken: this.worked,
      onVisit: (visit) => this.visits.push(visit),
      onDeparture: (sample) => {
        const h = this.headways.departed(sample);
        const v = h && this.vehicles.get(h.vehicleId);
        if (h && v) this.alerts.headway(v, h);
      },
    };
  }

  /** A new model (feeds re-imported, vehicles rebound): vehicles match again against it. */
  setModel(model: TransitModel): void {
    this.model = model;
    this.ctx.model = model;
    this.worked.clear();
    for (const v of this.vehicles.values()) {
      v.info = model.vehicles.get(v.vehicleId) ?? null;
      v.feed = null;
      v.inst = null;
      v.state = 'unassigned';
      v.lastMatchMs = -Infinity;
      v.dirty = true;
    }
  }

  /** Whether a vehicle id is unknown to the model (the caller may reload vehicles). */
  knows(vehicleId: number): boolean {
    return this.model.vehicles.has(vehicleId);
  }

  onFix(fix: VehicleFix): TripFields {
    let v = this.vehicles.get(fix.vehicleId);
    if (!v)
      this.vehicles.set(
        fix.vehicleId,
        (v = newVehicleState(fix.vehicleId, this.model.vehicles.get(fix.vehicleId) ?? null)),
      );
    const before = v.inst?.key;
    advanceVehicle(v, fix, this.ctx);
    const after = v.inst?.key;
    if (before !== after) {
      if (before !== undefined && this.worked.get(before) === v.vehicleId) this.worked.delete(before);
      if (after !== undefined) this.worked.set(after, v.vehicleId);
      else this.alerts.tripEnded(v, v.fixMs);
    }
    this.alerts.afterFix(v);
    const fields = tripFieldsOf(v);
    v.reported = signature(fields);
    return fields;
  }

  busContext(vehicleId: number): BusContext {
    const v = this.vehicles.get(vehicleId);
    const info = this.model.vehicles.get(vehicleId);
    const trip = v?.inst?.trip;
    const route = trip && v?.feed?.routes.get(trip.routeId);
    return {
      label: info?.label ?? String(vehicleId),
      feedId: v?.feed?.feedId ?? null,
      routeId: trip?.routeId ?? info?.routeId ?? null,
      routeName: route ? (route.shortName ?? route.longName) : null,
      tripId: trip?.tripId ?? null,
    };
  }

  private predictionOf(v: VehicleState, nowMs: number): TripPrediction | null {
    const inst = v.inst;
    if (!inst || !v.feed || v.state === 'stale') return null;
    const calls = predictTrip(
      {
        inst,
        along: v.along,
        fixMs: v.fixMs,
        nextStop: v.nextStop,
        arrivedMs: v.arrivedMs,
        lastDepartureMs:
          v.nextStop > 0 && !Number.isNaN(v.departures[v.nextStop - 1]!)
            ? v.departures[v.nextStop - 1]!
            : null,
        speedMs: recentSpeed(v),
        defaultDwellS: this.options.defaultDwellS,
        holdEarlyS: this.options.tracker.holdEarlyS,
      },
      this.history,
    );
    this.calls.set(v.vehicleId, calls);
    const trip = inst.trip;
    return {
      feedId: trip.feedId,
      tripId: trip.tripId,
      routeId: trip.routeId,
      vehicleId: v.vehicleId,
      vehicleLabel: v.info?.label ?? String(v.vehicleId),
      at: new Date(nowMs).toISOString(),
      startDate: inst.serviceDate,
      stops: calls.map((c) => ({
        stopId: trip.stopIds[c.index]!,
        stopSequence: trip.stopSequences[c.index]!,
        predictedAt: new Date(c.arrivalMs).toISOString(),
        scheduledAt: new Date(inst.baseMs + trip.arr[c.index]! * 1000).toISOString(),
      })),
    };
  }

  /** The vehicle's live entries on the boards of the stops it will call at. */
  private placeOnBoards(v: VehicleState, prediction: TripPrediction | null): void {
    for (const [key, entries] of this.live)
      if (entries.delete(v.vehicleId)) {
        this.dirtyStops.add(key);
        if (entries.size === 0) this.live.delete(key);
      }
    if (!prediction || !v.inst || !v.feed) return;
    const calls = this.calls.get(v.vehicleId) ?? [];
    const vehicle = {
      id: v.vehicleId,
      label: v.info?.label ?? String(v.vehicleId),
      electric: v.info?.electric ?? false,
    };
    for (const c of calls) {
      if (c.index === v.inst.trip.stopIds.length - 1) continue;
      const key = stopKey(v.feed.feedId, v.inst.trip.stopIds[c.index]!);
      let entries = this.live.get(key);
      if (!entries) this.live.set(key, (entries = new Map()));
      entries.set(v.vehicleId, scheduledArrival(v.feed, v.inst, c.index, vehicle, c.arrivalMs));
      this.dirtyStops.add(key);
    }
  }

  private boards(nowMs: number): TickOutput['boards'] {
    if (nowMs - this.lastAllBoardsMs >= this.options.allBoardsEveryMs) {
      this.lastAllBoardsMs = nowMs;
      for (const feed of this.model.feeds.values())
        for (const stopId of feed.callsAtStop.keys()) this.dirtyStops.add(stopKey(feed.feedId, stopId));
    }
    const out: TickOutput['boards'] = [];
    for (const key of this.dirtyStops) {
      if (nowMs - (this.boardSentMs.get(key) ?? -Infinity) < this.options.boardEveryMs) continue;
      this.dirtyStops.delete(key);
      const cut = key.indexOf('|');
      const feed = this.model.feeds.get(Number(key.slice(0, cut)));
      if (!feed) continue;
      const board = buildBoard(
        feed,
        key.slice(cut + 1),
        nowMs,
        this.live.get(key)?.values() ?? [],
        this.liveRuns,
      );
      const content = JSON.stringify(board.arrivals);
      const publish = content !== this.boardContent.get(key);
      this.boardContent.set(key, content);
      this.boardSentMs.set(key, nowMs);
      out.push({ board, publish });
    }
    return out;
  }

  tick(nowMs: number): TickOutput {
    const changed: TickOutput['changed'] = [];
    const predictions = new Map<number, TripPrediction | null>();
    for (const v of this.vehicles.values()) {
      if (v.state !== 'stale' && this.alerts.checkStale(v, nowMs)) {
        v.state = 'stale';
        v.dirty = true;
      }
      if (v.state === 'in_service' && v.inst) {
        const growing = this.headways.sinceAheadLeft(v.vehicleId, v.inst, v.nextStop, nowMs);
        if (growing) this.alerts.headway(v, growing);
      }
      const fields = tripFieldsOf(v);
      const sig = signature(fields);
      if (sig !== v.reported) {
        v.reported = sig;
        changed.push({ vehicleId: v.vehicleId, fields });
      }
      // A bus standing still (jam, long dwell) still gets fresh predictions now and then.
      if (!v.dirty && !(v.inst && nowMs - v.predictedMs >= REPREDICT_MS)) continue;
      v.dirty = false;
      v.predictedMs = nowMs;
      const prediction = this.predictionOf(v, nowMs);
      if (!prediction) this.calls.delete(v.vehicleId);
      predictions.set(v.vehicleId, prediction);
      this.placeOnBoards(v, prediction);
    }
    const visits = this.visits;
    this.visits = [];
    return {
      changed,
      predictions,
      boards: this.boards(nowMs),
      visits,
      segmentDeltas: this.history.takePending(),
      alerts: this.alerts.take(),
    };
  }
}
