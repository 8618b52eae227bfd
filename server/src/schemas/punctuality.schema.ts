// Bus punctuality report for planners: how many stop calls were on time, early or late, per route and hour.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';

export const PunctualityQuery = Type.Object(
  {
    from: IsoDateTime,
    to: IsoDateTime,
    feed: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    routeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type PunctualityQuery = Static<typeof PunctualityQuery>;

/** Counts and delays of one group of stop calls; delays in seconds, + late, − early. */
export const PunctualityFigures = Type.Object({
  calls: Type.Integer({ description: 'Stop calls with a known delay' }),
  onTimePct: Type.Number(),
  earlyPct: Type.Number(),
  latePct: Type.Number(),
  meanDelayS: Type.Number(),
  medianDelayS: Type.Number(),
  p90DelayS: Type.Number(),
});
export type PunctualityFigures = Static<typeof PunctualityFigures>;

export const RoutePunctuality = Type.Object({
  feedId: Type.Integer(),
  routeId: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  longName: Type.Union([Type.String(), Type.Null()]),
  ...PunctualityFigures.properties,
});
export type RoutePunctuality = Static<typeof RoutePunctuality>;

export const HourPunctuality = Type.Object({
  hour: Type.Integer({ minimum: 0, maximum: 23, description: 'Hour of day, Bangkok time' }),
  ...PunctualityFigures.properties,
});
export type HourPunctuality = Static<typeof HourPunctuality>;

export const PunctualityReport = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  /** A call is on time from `earlyS` before to `lateS` after its timetable (1 min early to 5 min late). */
  window: Type.Object({ earlyS: Type.Integer(), lateS: Type.Integer() }),
  overall: Type.Union([PunctualityFigures, Type.Null()]),
  routes: Type.Array(RoutePunctuality),
  hours: Type.Array(HourPunctuality),
});
export type PunctualityReport = Static<typeof PunctualityReport>;
