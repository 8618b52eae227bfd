// Crowd zones on the ground for the map: each calibrated camera's crowd-area zones as GeoJSON polygons with
// their latest people count and density.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';

export const CrowdZoneProperties = Type.Object({
  zoneId: Type.Integer(),
  cameraId: Type.Integer(),
  name: Type.String(),
  nameTh: Type.String(),
  areaM2: Type.Number({ description: 'Ground area of the zone through the camera calibration' }),
  count: Type.Union([Type.Number(), Type.Null()], { description: 'Mean people count of the latest sample' }),
  countMax: Type.Union([Type.Integer(), Type.Null()]),
  density: Type.Union([Type.Number(), Type.Null()], { description: 'People per m² in the latest sample' }),
  at: Type.Union([IsoDateTime, Type.Null()], { description: 'Time of the latest sample' }),
  stale: Type.Boolean({ description: 'No sample in the last few minutes (the camera may be off)' }),
  alertAbove: Type.Union([Type.Number(), Type.Null()]),
});
export type CrowdZoneProperties = Static<typeof CrowdZoneProperties>;

const Position = Type.Tuple([Type.Number(), Type.Number()]);

export const CrowdZoneFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.Integer(),
  geometry: Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Position)) }),
  properties: CrowdZoneProperties,
});
export type CrowdZoneFeature = Static<typeof CrowdZoneFeature>;

export const CrowdZoneCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(CrowdZoneFeature),
});
export type CrowdZoneCollection = Static<typeof CrowdZoneCollection>;
