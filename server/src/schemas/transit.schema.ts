// Transit model: GTFS feeds, stops and routes as the web reads them, and predicted arrivals at a stop.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime } from './common.schema';

/** Names per language, e.g. {"th": "ตลาดบ้านใหม่", "en": "Ban Mai Market"}. */
export const Translations = Type.Record(Type.String(), Type.String());
export type Translations = Static<typeof Translations>;

/** One predicted (or, without a live bus, scheduled) arrival of a trip at a stop. */
export const StopArrival = Type.Object({
  feedId: Type.Integer(),
  stopId: Type.String(),
  tripId: Type.String(),
  routeId: Type.String(),
  routeShortName: Type.Union([Type.String(), Type.Null()]),
  routeColor: Type.Union([Type.String(), Type.Null()]),
  headsign: Type.Union([Type.String(), Type.Null()]),
  headsignTranslations: Translations,
  vehicleId: Type.Union([Type.Integer(), Type.Null()]),
  vehicleLabel: Type.Union([Type.String(), Type.Null()]),
  electric: Type.Boolean(),
  predictedAt: IsoDateTime,
  scheduledAt: Type.Union([IsoDateTime, Type.Null()]),
  /** realtime: from a tracked bus; schedule: the timetable, no bus yet. */
  source: Type.Union([Type.Literal('realtime'), Type.Literal('schedule')]),
});
export type StopArrival = Static<typeof StopArrival>;

/** Socket `stop.arrivals` (and the public sign's reply): the next arrivals at one stop, soonest first. */
export const StopArrivalsMessage = Type.Object({
  feedId: Type.Integer(),
  stopId: Type.String(),
  at: IsoDateTime,
  arrivals: Type.Array(StopArrival),
});
export type StopArrivalsMessage = Static<typeof StopArrivalsMessage>;

/** The predictions for one vehicle's current trip (kept in Redis; read by the GTFS-RT TripUpdates feed). */
export const TripPrediction = Type.Object({
  feedId: Type.Integer(),
  tripId: Type.String(),
  routeId: Type.String(),
  vehicleId: Type.Integer(),
  vehicleLabel: Type.String(),
  at: IsoDateTime,
  /** Service day of the trip, YYYYMMDD in the feed's time zone. */
  startDate: Type.String({ pattern: '^\\d{8}$' }),
  stops: Type.Array(
    Type.Object({
      stopId: Type.String(),
      stopSequence: Type.Integer(),
      predictedAt: IsoDateTime,
      scheduledAt: Type.Union([IsoDateTime, Type.Null()]),
    }),
  ),
});
export type TripPrediction = Static<typeof TripPrediction>;

/** Socket `stops.watch`: the stops whose arrivals this socket wants (each request replaces the last). */
export const StopsWatchRequest = Type.Object(
  {
    stops: Type.Array(Type.Object({ feedId: Id(), stopId: Type.String({ minLength: 1, maxLength: 64 }) }), {
      maxItems: 20,
    }),
  },
  { additionalProperties: false },
);
export type StopsWatchRequest = Static<typeof StopsWatchRequest>;
