// GPS buses: devices and vehicles, incoming fixes, the live state of each bus and its socket messages.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';

/** A fix after parsing and unit conversion, before the filters (speed km/h, bearing ° from north). */
export const GpsFix = Type.Object({
  deviceId: Type.String({ description: 'The device unique id (OsmAnd `id`)' }),
  lon: Type.Number(),
  lat: Type.Number(),
  fixTime: IsoDateTime,
  speedKmh: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
  bearingDeg: Type.Union([Type.Number({ minimum: 0, maximum: 360 }), Type.Null()]),
  altitudeM: Type.Union([Type.Number(), Type.Null()]),
  accuracyM: Type.Union([Type.Number({ minimum: 0 }), Type.Null()]),
});
export type GpsFix = Static<typeof GpsFix>;

/** Why a fix was refused or kept only as history. */
export const FIX_REJECTIONS = [
  'malformed',
  'invalid_coordinates',
  'zero_coordinates',
  'duplicate',
  'future_timestamp',
  'too_old',
  'impossible_jump',
  'rate_limited',
] as const;
export type FixRejection = (typeof FIX_REJECTIONS)[number];

export const VEHICLE_SERVICE_STATES = ['in_service', 'off_route', 'layover', 'unassigned', 'stale'] as const;
export type VehicleServiceState = (typeof VEHICLE_SERVICE_STATES)[number];

/** What the map, the popup and the GTFS-RT feed know of one bus now. */
export const BusState = Type.Object({
  vehicleId: Type.Integer(),
  label: Type.String({ description: 'Fleet number shown to operators' }),
  electric: Type.Boolean(),
  lon: Type.Number(),
  lat: Type.Number(),
  fixTime: IsoDateTime,
  speedKmh: Type.Union([Type.Number(), Type.Null()]),
  bearingDeg: Type.Union([Type.Number(), Type.Null()]),
  state: Type.Enum(VEHICLE_SERVICE_STATES),
  feedId: Type.Union([Type.Integer(), Type.Null()]),
  routeId: Type.Union([Type.String(), Type.Null()]),
  routeShortName: Type.Union([Type.String(), Type.Null()]),
  /** #rrggbb */
  routeColor: Type.Union([Type.String(), Type.Null()]),
  tripId: Type.Union([Type.String(), Type.Null()]),
  headsign: Type.Union([Type.String(), Type.Null()]),
  /** Metres travelled along the trip's shape. */
  distanceAlongM: Type.Union([Type.Number(), Type.Null()]),
  nextStopId: Type.Union([Type.String(), Type.Null()]),
  /** Seconds late (+) or early (−) against the timetable at the last stop passed. */
  delayS: Type.Union([Type.Number(), Type.Null()]),
});
export type BusState = Static<typeof BusState>;

/** Socket `buses.delta`: buses that changed since the last message, and buses that left the map. */
export const BusDelta = Type.Object({
  at: IsoDateTime,
  upsert: Type.Array(BusState),
  remove: Type.Array(Type.Integer()),
});
export type BusDelta = Static<typeof BusDelta>;

export const BusesWatchRequest = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });
export type BusesWatchRequest = Static<typeof BusesWatchRequest>;
