// Places that elephant warnings name (sub-districts, imported villages) and the village import report.
import { Type, type Static } from 'typebox';
import { LonLat } from './common.schema';

export const PLACE_KINDS = ['subdistrict', 'village'] as const;
export const PlaceKind = Type.Enum(PLACE_KINDS);

export const PlaceInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameTh: Type.String({ minLength: 1, maxLength: 200 }),
  district: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  districtTh: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  location: LonLat,
});
export type PlaceInput = Static<typeof PlaceInput>;

export const Place = Type.Object({
  id: Type.Integer(),
  kind: PlaceKind,
  code: Type.String(),
  name: Type.String(),
  nameTh: Type.String(),
  district: Type.Union([Type.String(), Type.Null()]),
  districtTh: Type.Union([Type.String(), Type.Null()]),
  location: LonLat,
});
export type Place = Static<typeof Place>;

export const PlaceNearby = Type.Object({
  ...Place.properties,
  distanceM: Type.Number(),
  /** Direction from the sighting to the place, degrees clockwise from north. */
  bearingDeg: Type.Number(),
});
export type PlaceNearby = Static<typeof PlaceNearby>;

export const RowError = Type.Object({
  line: Type.Integer({ description: 'Line number in the uploaded file (header is line 1)' }),
  reason: Type.String(),
  reasonTh: Type.String(),
});
export type RowError = Static<typeof RowError>;

export const ImportReport = Type.Object({
  imported: Type.Integer(),
  rejected: Type.Array(RowError),
});
export type ImportReport = Static<typeof ImportReport>;
