// Fleet administration: vehicles (buses) and the GPS devices bound to them, with each device's ingest figures.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime } from './common.schema';
import { FIX_REJECTIONS } from './gps.schema';

const Label = Type.String({ minLength: 1, maxLength: 40, description: 'Fleet number shown to operators' });
const NullableText = (maxLength: number) =>
  Type.Union([Type.String({ minLength: 1, maxLength }), Type.Null()]);

export const Vehicle = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  plate: Type.Union([Type.String(), Type.Null()]),
  electric: Type.Boolean(),
  feedId: Type.Union([Type.Integer(), Type.Null()]),
  routeId: Type.Union([Type.String(), Type.Null()]),
  blockId: Type.Union([Type.String(), Type.Null()]),
  createdAt: IsoDateTime,
});
export type Vehicle = Static<typeof Vehicle>;

/** Create a vehicle; the feed/route/block binding tells trip matching what the bus should be doing. */
export const VehicleInput = Type.Object(
  {
    label: Label,
    plate: Type.Optional(NullableText(20)),
    electric: Type.Optional(Type.Boolean()),
    feedId: Type.Optional(Type.Union([Id(), Type.Null()])),
    routeId: Type.Optional(NullableText(64)),
    blockId: Type.Optional(NullableText(64)),
  },
  { additionalProperties: false },
);
export type VehicleInput = Static<typeof VehicleInput>;

/** Change some fields of a vehicle; fields left out stay as they are, null clears them. */
export const VehicleUpdate = Type.Partial(VehicleInput, { additionalProperties: false, minProperties: 1 });
export type VehicleUpdate = Static<typeof VehicleUpdate>;

/** Fixes refused per reason since the device was registered (never the key). */
export const RejectionCounts = Type.Record(Type.String(), Type.Integer(), {
  description: `Counts by reason: ${FIX_REJECTIONS.join(', ')}`,
});

export const GpsDevice = Type.Object({
  id: Type.Integer(),
  uniqueId: Type.String({ description: 'The id the device sends (OsmAnd `id`)' }),
  vehicleId: Type.Union([Type.Integer(), Type.Null()]),
  vehicleLabel: Type.Union([Type.String(), Type.Null()]),
  enabled: Type.Boolean(),
  createdAt: IsoDateTime,
  lastFixAt: Type.Union([IsoDateTime, Type.Null()]),
  rejected: RejectionCounts,
  lastRejection: Type.Union([Type.String(), Type.Null()]),
});
export type GpsDevice = Static<typeof GpsDevice>;

export const GpsDeviceInput = Type.Object(
  {
    uniqueId: Type.String({
      pattern: '^[A-Za-z0-9._:-]{1,64}$',
      description: 'Letters, digits and . _ : - (up to 64)',
    }),
    vehicleId: Type.Optional(Type.Union([Id(), Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type GpsDeviceInput = Static<typeof GpsDeviceInput>;

export const GpsDeviceUpdate = Type.Object(
  {
    vehicleId: Type.Optional(Type.Union([Id(), Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type GpsDeviceUpdate = Static<typeof GpsDeviceUpdate>;

/** Returned once, at registration or key rotation: the key the device sends with every fix. */
export const GpsDeviceWithKey = Type.Object({ device: GpsDevice, key: Type.String() });
export type GpsDeviceWithKey = Static<typeof GpsDeviceWithKey>;

export const GpsDeviceQuery = Type.Object(
  { vehicleId: Type.Optional(Id()) },
  { additionalProperties: false },
);
export type GpsDeviceQuery = Static<typeof GpsDeviceQuery>;
