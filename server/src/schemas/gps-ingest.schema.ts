// GPS ingest over HTTP: the OsmAnd parameters (as Traccar accepts them), the JSON batch, and the stream entry for the worker.
import { Type, type Static } from 'typebox';
import { IsoDateTime } from './common.schema';
import { GpsFix } from './gps.schema';

const param = (description: string) => Type.Optional(Type.String({ maxLength: 200, description }));

/** OsmAnd query or form fields; other fields devices send (batt, hdop, …) are accepted and ignored. */
export const OsmAndParams = Type.Object({
  id: param('Device unique id (also `deviceid`)'),
  deviceid: param('Same as `id`'),
  key: param('Device key (or header X-Device-Key)'),
  lat: param('Latitude, decimal degrees (WGS 84)'),
  lon: param('Longitude, decimal degrees (WGS 84)'),
  location: param('`lat,lon` instead of `lat` and `lon`'),
  timestamp: param('Fix time: unix seconds, unix milliseconds or ISO 8601; the arrival time when missing'),
  speed: param('Speed in knots (OsmAnd/Traccar unit), converted to km/h'),
  bearing: param('Course, degrees from north (also `heading`)'),
  heading: param('Same as `bearing`'),
  altitude: param('Metres above sea level'),
  accuracy: param('Horizontal accuracy, metres'),
});
export type OsmAndParams = Static<typeof OsmAndParams>;

export const BatchFix = Type.Object({
  lat: Type.Number({ description: 'Latitude, decimal degrees (WGS 84)' }),
  lon: Type.Number({ description: 'Longitude, decimal degrees (WGS 84)' }),
  timestamp: Type.Union([Type.Number(), Type.String({ maxLength: 40 })], {
    description: 'Fix time: unix seconds, unix milliseconds or an ISO 8601 string',
  }),
  speed: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description: 'Speed in km/h (unlike OsmAnd, which sends knots)',
    }),
  ),
  bearing: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], { description: 'Course, degrees from north' }),
  ),
  altitude: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], { description: 'Metres above sea level' }),
  ),
  accuracy: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], { description: 'Horizontal accuracy, metres' }),
  ),
});
export type BatchFix = Static<typeof BatchFix>;

export const GpsBatchRequest = Type.Object({
  devices: Type.Array(
    Type.Object({
      id: Type.String({ minLength: 1, maxLength: 64, description: 'Device unique id' }),
      key: Type.String({ minLength: 1, maxLength: 200, description: 'Device key' }),
      fixes: Type.Array(BatchFix, { minItems: 1, maxItems: 2000 }),
    }),
    { minItems: 1, maxItems: 5000 },
  ),
});
export type GpsBatchRequest = Static<typeof GpsBatchRequest>;

export const GpsIngestReply = Type.Object({
  accepted: Type.Integer({ description: 'Fixes queued for the filters and storage' }),
});
export type GpsIngestReply = Static<typeof GpsIngestReply>;

/** One Redis stream entry (`<prefix>:gps:fixes`, field `fixes`): every fix of one request. */
export const GpsStreamEntry = Type.Object({ receivedAt: IsoDateTime, fixes: Type.Array(GpsFix) });
export type GpsStreamEntry = Static<typeof GpsStreamEntry>;
