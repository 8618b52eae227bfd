// Administrative areas for the planners' area filter: provinces, or the districts and sub-districts inside one.
import { Type, type Static } from 'typebox';

export const AreaLevel = Type.Union([
  Type.Literal('country'),
  Type.Literal('province'),
  Type.Literal('district'),
  Type.Literal('subdistrict'),
]);
export type AreaLevel = Static<typeof AreaLevel>;

export const AreasQuery = Type.Object(
  {
    parent: Type.Optional(
      Type.String({
        pattern: '^TH[0-9]{2}([0-9]{2})?$',
        description:
          'A province (TH24) lists its districts, a district (TH2401) its sub-districts; none: provinces',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AreasQuery = Static<typeof AreasQuery>;

export const AreaSummary = Type.Object({
  code: Type.String(),
  level: AreaLevel,
  nameTh: Type.String(),
  nameEn: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  /** [west, south, east, north] in degrees, for fitting the map. */
  bbox: Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }),
});
export type AreaSummary = Static<typeof AreaSummary>;

export const AreaList = Type.Array(AreaSummary);
export type AreaList = Static<typeof AreaList>;
