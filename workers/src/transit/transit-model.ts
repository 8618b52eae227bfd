// The in-memory transit model of every feed: stops, routes, shapes and trip patterns in projected metres.
import type { Translations } from '@toc/server/schemas';
import type { Projection } from './projection';
import type { ShapeLine } from './shape-line';
import type { ServiceCalendar } from './service-day';

export interface StopInfo {
  stopId: string;
  name: string;
  translations: Translations;
  lon: number;
  lat: number;
  x: number;
  y: number;
}

export interface RouteInfo {
  routeId: string;
  shortName: string | null;
  longName: string | null;
  /** #rrggbb or null */
  color: string | null;
  routeType: number;
}

export interface Frequency {
  startS: number;
  endS: number;
  headwayS: number;
}

/** One trip of the timetable: its stops in order, times (s after the service day start) and where each stop lies on the shape. */
export interface TripPattern {
  feedId: number;
  tripId: string;
  routeId: string;
  serviceId: string;
  headsign: string | null;
  headsignTranslations: Translations;
  directionId: number | null;
  blockId: string | null;
  shape: ShapeLine;
  stopIds: string[];
  stopSequences: number[];
  arr: Float64Array;
  dep: Float64Array;
  /** Metres along the shape of each stop, non-decreasing. */
  stopAlong: Float64Array;
  /** Present for frequencies.txt trips: the stop times are a template shifted to each start. */
  frequencies: Frequency[];
}

export interface FeedModel {
  feedId: number;
  name: string;
  timezone: string;
  projection: Projection;
  stops: Map<string, StopInfo>;
  routes: Map<string, RouteInfo>;
  trips: Map<string, TripPattern>;
  tripsByRoute: Map<string, TripPattern[]>;
  tripsByBlock: Map<string, TripPattern[]>;
  /** stop id → the patterns calling there and the index of the call. */
  callsAtStop: Map<string, Array<{ trip: TripPattern; index: number }>>;
  calendar: ServiceCalendar;
}

export interface VehicleInfo {
  vehicleId: number;
  label: string;
  electric: boolean;
  feedId: number | null;
  routeId: string | null;
  blockId: string | null;
}

export interface TransitModel {
  feeds: Map<number, FeedModel>;
  vehicles: Map<number, VehicleInfo>;
}

/**
 * A concrete run of a pattern on one service day: frequency trips run many times a day, so the instance carries
 * the shift of its start against the template.
 */
export interface TripInstance {
  trip: TripPattern;
  serviceDate: string;
  /** Epoch ms of the service day's time origin (hour-of-day statistics count from it). */
  dayStartMs: number;
  /** Epoch ms of the service day's time origin plus the frequency shift: stop time j is at base + arr[j]*1000. */
  baseMs: number;
  key: string;
}

export const scheduledArrivalMs = (inst: TripInstance, index: number) =>
  inst.baseMs + inst.trip.arr[index]! * 1000;
export const scheduledDepartureMs = (inst: TripInstance, index: number) =>
  inst.baseMs + inst.trip.dep[index]! * 1000;
export const tripStartMs = (inst: TripInstance) => scheduledDepartureMs(inst, 0);
export const tripEndMs = (inst: TripInstance) => scheduledArrivalMs(inst, inst.trip.stopIds.length - 1);

/** Scheduled time (epoch ms) at a distance along the shape, interpolated between the surrounding stops. */
export function scheduledMsAt(inst: TripInstance, along: number): number {
  const { stopAlong, arr, dep } = inst.trip;
  const n = stopAlong.length;
  if (along <= stopAlong[0]!) return inst.baseMs + dep[0]! * 1000;
  for (let j = 1; j < n; j++) {
    if (along <= stopAlong[j]!) {
      const span = stopAlong[j]! - stopAlong[j - 1]!;
      const t = span > 0 ? (along - stopAlong[j - 1]!) / span : 1;
      return inst.baseMs + (dep[j - 1]! + t * (arr[j]! - dep[j - 1]!)) * 1000;
    }
  }
  return inst.baseMs + arr[n - 1]! * 1000;
}
