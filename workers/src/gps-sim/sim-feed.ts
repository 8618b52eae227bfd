// The simulator's view of one GTFS feed: trips with their stop times, shapes and stop positions (plain data).
import type { ServiceCalendar } from '../transit/service-day';
import type { ShapePath } from './shape-path';

export interface SimStopTime {
  stopId: string;
  stopSequence: number;
  /** Seconds after the service day's start; null for stops without a time (interpolated). */
  arrivalS: number | null;
  departureS: number | null;
}

export interface SimTrip {
  tripId: string;
  routeId: string;
  /** GTFS route_type: 3 bus, 2 rail… (a train drives faster and brakes longer). */
  routeType: number;
  serviceId: string;
  blockId: string | null;
  shapeId: string | null;
  stopTimes: SimStopTime[];
}

export interface SimFeed {
  feedId: number;
  name: string;
  timezone: string;
  calendar: ServiceCalendar;
  trips: Map<string, SimTrip>;
  shapes: Map<string, ShapePath>;
  stops: Map<string, readonly [number, number]>;
}
