// What the engine remembers of each vehicle between fixes, and the fixes it is fed.
import type { BusState, VehicleServiceState } from '@toc/server/schemas';
import type { FeedModel, TripInstance, VehicleInfo } from './transit-model';

export interface VehicleFix {
  vehicleId: number;
  deviceId: number;
  lon: number;
  lat: number;
  fixTime: Date;
  speedKmh: number | null;
  bearingDeg: number | null;
}

export type TripFields = Pick<
  BusState,
  | 'state'
  | 'feedId'
  | 'routeId'
  | 'routeShortName'
  | 'routeColor'
  | 'tripId'
  | 'headsign'
  | 'distanceAlongM'
  | 'nextStopId'
  | 'delayS'
>;

export interface VehicleState {
  vehicleId: number;
  info: VehicleInfo | null;
  feed: FeedModel | null;
  inst: TripInstance | null;
  state: VehicleServiceState;
  along: number;
  offset: number;
  lon: number;
  lat: number;
  x: number;
  y: number;
  fixMs: number;
  /** Reported speed, else derived from progress. */
  speedKmh: number | null;
  /** Index of the first stop of the trip not yet departed. */
  nextStop: number;
  /** Arrival time at `nextStop` while the vehicle is inside its geofence. */
  arrivedMs: number | null;
  /** Whether arrivedMs was seen happen (a vehicle first seen at a stop has no true arrival). */
  arrivalObserved: boolean;
  /** Departure time from each stop of the current trip (NaN when not seen). */
  departures: Float64Array;
  delayS: number | null;
  offRouteFixes: number;
  /** Last time the vehicle was on its shape (tracking window grows from here). */
  onRouteMs: number;
  backwardFixes: number;
  lastMatchMs: number;
  /** Earlier fix for the matcher's direction test. */
  anchor: { x: number; y: number; ms: number } | null;
  /** Recent (ms, along) for the speed along the route. */
  trail: Array<{ ms: number; along: number }>;
  /** Predictions must be recomputed (new progress since the last tick). */
  dirty: boolean;
  predictedMs: number;
  /** Fields as last returned by tick(), to report only changes. */
  reported: string;
}

export function newVehicleState(vehicleId: number, info: VehicleInfo | null): VehicleState {
  return {
    vehicleId,
    info,
    feed: null,
    inst: null,
    state: 'unassigned',
    along: 0,
    offset: 0,
    lon: 0,
    lat: 0,
    x: 0,
    y: 0,
    fixMs: 0,
    speedKmh: null,
    nextStop: 0,
    arrivedMs: null,
    arrivalObserved: false,
    departures: new Float64Array(0),
    delayS: null,
    offRouteFixes: 0,
    onRouteMs: 0,
    backwardFixes: 0,
    lastMatchMs: -Infinity,
    anchor: null,
    trail: [],
    dirty: false,
    predictedMs: -Infinity,
    reported: '',
  };
}

/** Trip fields of a vehicle on no trip (no feed, or not matched yet). */
export const unassignedFields = (state: TripFields['state']): TripFields => ({
  state,
  feedId: null,
  routeId: null,
  routeShortName: null,
  routeColor: null,
  tripId: null,
  headsign: null,
  distanceAlongM: null,
  nextStopId: null,
  delayS: null,
});

export function tripFieldsOf(v: VehicleState): TripFields {
  const inst = v.inst;
  if (!inst || !v.feed) return unassignedFields(v.state);
  const route = v.feed.routes.get(inst.trip.routeId);
  return {
    state: v.state,
    feedId: v.feed.feedId,
    routeId: inst.trip.routeId,
    routeShortName: route?.shortName ?? route?.longName ?? null,
    routeColor: route?.color ?? null,
    tripId: inst.trip.tripId,
    headsign: inst.trip.headsign,
    distanceAlongM: Math.round(v.along),
    nextStopId: inst.trip.stopIds[Math.min(v.nextStop, inst.trip.stopIds.length - 1)] ?? null,
    delayS: v.delayS,
  };
}
