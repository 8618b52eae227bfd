// Time series for planners: people per crowd zone and vehicles across counting lines.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';

export const CountsQuery = Type.Object(
  {
    from: Type.Optional(IsoDateTime),
    to: Type.Optional(IsoDateTime),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
  },
  { additionalProperties: false },
);
export type CountsQuery = Static<typeof CountsQuery>;

export const CrowdSample = Type.Object({
  zoneId: Type.Integer(),
  at: IsoDateTime,
  countMean: Type.Number(),
  countMax: Type.Integer(),
  density: Type.Union([Type.Number(), Type.Null()]),
});
export type CrowdSample = Static<typeof CrowdSample>;

export const LineCountRow = Type.Object({
  lineId: Type.Integer(),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
  label: Type.String(),
  forward: Type.Integer(),
  reverse: Type.Integer(),
});
export type LineCountRow = Static<typeof LineCountRow>;
