// Getis-Ord Gi* hot spots of crashes on hexagons: the query and the GeoJSON reply with z-scores and classes.
import { Type, type Static } from 'typebox';
import { Nullable } from './common.schema';
import { CrashFilterQuery } from './crash-filter.schema';

export const CrashHotspotQuery = Type.Object(
  {
    ...CrashFilterQuery.properties,
    cellM: Type.Optional(
      Type.Integer({
        minimum: 250,
        maximum: 20_000,
        description: 'Hexagon edge in metres (default 1,000 in a province or smaller area, 5,000 nationally)',
      }),
    ),
    limit: Type.Integer({ minimum: 1, maximum: 20_000, default: 5_000 }),
  },
  { additionalProperties: false },
);
export type CrashHotspotQuery = Static<typeof CrashHotspotQuery>;

export const HotspotClass = Type.Union([
  Type.Literal('hot_99'),
  Type.Literal('hot_95'),
  Type.Literal('hot_90'),
  Type.Literal('not_significant'),
  Type.Literal('cold_90'),
  Type.Literal('cold_95'),
  Type.Literal('cold_99'),
]);
export type HotspotClass = Static<typeof HotspotClass>;

export const CrashHotspotReply = Type.Object({
  type: Type.Literal('FeatureCollection'),
  /** The study region (the area filter, or the country) and its number of hexagons. */
  region: Type.String(),
  regionCells: Type.Integer(),
  cellM: Type.Integer(),
  meanPerCell: Type.Number(),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      geometry: Type.Object({
        type: Type.Literal('Polygon'),
        coordinates: Type.Array(Type.Array(Type.Array(Type.Number()))),
      }),
      properties: Type.Object({
        crashes: Type.Integer(),
        deaths: Type.Integer(),
        z: Nullable(Type.Number()),
        /** Two-sided p-value of z. */
        p: Nullable(Type.Number()),
        class: HotspotClass,
      }),
    }),
  ),
});
export type CrashHotspotReply = Static<typeof CrashHotspotReply>;
