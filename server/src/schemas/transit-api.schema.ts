// Transit read API and admin feed upload: feeds, routes with shapes, stops as GeoJSON, stop detail, vehicle tracks.
import { Type, type Static } from 'typebox';
import { IsoDateTime, Nullable } from './common.schema';
import { Translations } from './transit.schema';

export const GtfsFeed = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  source: Type.String(),
  timezone: Type.String(),
  importedAt: IsoDateTime,
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type GtfsFeed = Static<typeof GtfsFeed>;

/** A GTFS row the import skipped; the line counts the header as 1. */
export const GtfsRejectedRow = Type.Object({
  file: Type.String(),
  line: Type.Integer(),
  reason: Type.String(),
  reasonTh: Type.String(),
});
export type GtfsRejectedRow = Static<typeof GtfsRejectedRow>;

export const GtfsImportReply = Type.Object({
  feedId: Type.Integer(),
  name: Type.String(),
  counts: Type.Record(Type.String(), Type.Integer()),
  /** The first rejected rows (at most 1,000); counts.rejected has the total. */
  rejected: Type.Array(GtfsRejectedRow),
});
export type GtfsImportReply = Static<typeof GtfsImportReply>;

/** Where a running GTFS import is: the file it reads and the rows it has gone through. */
export const GtfsImportProgress = Type.Object({
  file: Type.String(),
  rows: Type.Integer(),
  rejected: Type.Integer(),
  elapsedMs: Type.Integer(),
});
export type GtfsImportProgress = Static<typeof GtfsImportProgress>;

/** Why an import did not finish, with the status the upload would have answered. */
export const GtfsImportFailure = Type.Object({
  statusCode: Type.Integer(),
  message: Type.String(),
  messageTh: Type.String(),
});
export type GtfsImportFailure = Static<typeof GtfsImportFailure>;

/** One GTFS upload as a job: queued, running (with progress), done (with the report) or failed (with the reason). */
export const GtfsImportJob = Type.Object({
  id: Type.Integer(),
  feedName: Type.String(),
  replace: Type.Boolean(),
  bytes: Type.Integer(),
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('done'),
    Type.Literal('failed'),
  ]),
  progress: Nullable(GtfsImportProgress),
  report: Nullable(GtfsImportReply),
  error: Nullable(GtfsImportFailure),
  username: Type.String(),
  createdAt: IsoDateTime,
  startedAt: Nullable(IsoDateTime),
  finishedAt: Nullable(IsoDateTime),
});
export type GtfsImportJob = Static<typeof GtfsImportJob>;

export const FeedNameQuery = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
    replace: Type.Optional(
      Type.Boolean({ description: 'Replace the feed of this name if there is one (otherwise 409)' }),
    ),
  },
  { additionalProperties: false },
);
export type FeedNameQuery = Static<typeof FeedNameQuery>;

/** `feed` is a feed's name or numeric id. */
export const FeedQuery = Type.Object(
  { feed: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) },
  { additionalProperties: false },
);
export type FeedQuery = Static<typeof FeedQuery>;

export const StopsQuery = Type.Object(
  {
    feed: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    /** minLon,minLat,maxLon,maxLat */
    bbox: Type.Optional(Type.String({ pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$' })),
  },
  { additionalProperties: false },
);
export type StopsQuery = Static<typeof StopsQuery>;

export const StopIdParams = Type.Object({ stopId: Type.String({ minLength: 1, maxLength: 64 }) });
export type StopIdParams = Static<typeof StopIdParams>;

export const TransitRouteProperties = Type.Object({
  feedId: Type.Integer(),
  routeId: Type.String(),
  agencyId: Nullable(Type.String()),
  shortName: Nullable(Type.String()),
  longName: Nullable(Type.String()),
  translations: Translations,
  routeType: Type.Integer(),
  /** Six hex digits without '#', as GTFS writes them. */
  color: Nullable(Type.String()),
  textColor: Nullable(Type.String()),
  shapeIds: Type.Array(Type.String()),
});
export type TransitRouteProperties = Static<typeof TransitRouteProperties>;

/** One feature per route: its distinct shapes as a MultiLineString (null when the feed has no shapes). */
export const TransitRouteCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Nullable(
        Type.Object({
          type: Type.Literal('MultiLineString'),
          coordinates: Type.Array(Type.Array(Type.Array(Type.Number()))),
        }),
      ),
      properties: TransitRouteProperties,
    }),
  ),
});
export type TransitRouteCollection = Static<typeof TransitRouteCollection>;

export const TransitStopProperties = Type.Object({
  feedId: Type.Integer(),
  stopId: Type.String(),
  code: Nullable(Type.String()),
  name: Type.String(),
  translations: Translations,
  locationType: Type.Integer(),
  parentStation: Nullable(Type.String()),
  wheelchair: Nullable(Type.Integer()),
});
export type TransitStopProperties = Static<typeof TransitStopProperties>;

const PointGeometry = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Type.Array(Type.Number(), { minItems: 2, maxItems: 2 }),
});

export const TransitStopCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: PointGeometry,
      properties: TransitStopProperties,
    }),
  ),
});
export type TransitStopCollection = Static<typeof TransitStopCollection>;

export const StopRoute = Type.Object({
  routeId: Type.String(),
  shortName: Nullable(Type.String()),
  longName: Nullable(Type.String()),
  translations: Translations,
  routeType: Type.Integer(),
  color: Nullable(Type.String()),
  textColor: Nullable(Type.String()),
  headsigns: Type.Array(Type.String()),
});
export type StopRoute = Static<typeof StopRoute>;

export const TransitStopDetail = Type.Object({
  ...TransitStopProperties.properties,
  description: Nullable(Type.String()),
  lon: Type.Number(),
  lat: Type.Number(),
  feedName: Type.String(),
  timezone: Type.String(),
  routes: Type.Array(StopRoute),
});
export type TransitStopDetail = Static<typeof TransitStopDetail>;

export const TRACK_FORMATS = ['geojson', 'gpx'] as const;
/** A vehicle's history period (stop calls); the track adds its format. */
export const PeriodQuery = Type.Object(
  { from: IsoDateTime, to: IsoDateTime },
  { additionalProperties: false },
);
export type PeriodQuery = Static<typeof PeriodQuery>;

export const TrackQuery = Type.Object(
  { ...PeriodQuery.properties, format: Type.Optional(Type.Union(TRACK_FORMATS.map((f) => Type.Literal(f)))) },
  { additionalProperties: false },
);
export type TrackQuery = Static<typeof TrackQuery>;

export const TrackPointProperties = Type.Object({
  time: IsoDateTime,
  speedKmh: Nullable(Type.Number()),
  bearingDeg: Nullable(Type.Number()),
  altitudeM: Nullable(Type.Number()),
  accuracyM: Nullable(Type.Number()),
  /** false: arrived out of order, kept as history only. */
  current: Type.Boolean(),
});
export type TrackPointProperties = Static<typeof TrackPointProperties>;

/** A vehicle's path over a period: first feature the LineString (when ≥ 2 points), then one Point per fix. */
export const VehicleTrack = Type.Object({
  type: Type.Literal('FeatureCollection'),
  vehicleId: Type.Integer(),
  vehicleLabel: Type.String(),
  from: IsoDateTime,
  to: IsoDateTime,
  features: Type.Array(
    Type.Union([
      Type.Object({
        type: Type.Literal('Feature'),
        geometry: Type.Object({
          type: Type.Literal('LineString'),
          coordinates: Type.Array(Type.Array(Type.Number())),
        }),
        properties: Type.Object({ kind: Type.Literal('track'), points: Type.Integer() }),
      }),
      Type.Object({
        type: Type.Literal('Feature'),
        geometry: PointGeometry,
        properties: Type.Object({ kind: Type.Literal('fix'), ...TrackPointProperties.properties }),
      }),
    ]),
  ),
});
export type VehicleTrack = Static<typeof VehicleTrack>;

/** One call of a vehicle at a stop of its trip, as the transit engine saw it (arrival and departure at the stop geofence). */
export const VehicleStopCall = Type.Object({
  stopId: Type.String(),
  stopName: Type.String(),
  /** The stop's name per language ({th, en}) where the feed gives them. */
  translations: Translations,
  stopSequence: Type.Integer(),
  routeId: Type.String(),
  routeShortName: Nullable(Type.String()),
  tripId: Type.String(),
  scheduledArrival: IsoDateTime,
  scheduledDeparture: IsoDateTime,
  /** Null when the bus was first seen already standing at the stop. */
  arrivedAt: Nullable(IsoDateTime),
  /** Null when the trip ended at the stop. */
  departedAt: Nullable(IsoDateTime),
  /** Seconds late (+) or early (−): at departure when seen, else at arrival. */
  delayS: Nullable(Type.Integer()),
});
export type VehicleStopCall = Static<typeof VehicleStopCall>;

export const VehicleStopCalls = Type.Object({
  vehicleId: Type.Integer(),
  vehicleLabel: Type.String(),
  from: IsoDateTime,
  to: IsoDateTime,
  calls: Type.Array(VehicleStopCall),
});
export type VehicleStopCalls = Static<typeof VehicleStopCalls>;
