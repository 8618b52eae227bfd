// Motion-triggered camera traps: registration, and the result of one uploaded still image.
import { Type, type Static } from 'typebox';
import { IsoDateTime, LonLat } from './common.schema';

export const TrapCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    nameTh: Type.String({ minLength: 1, maxLength: 120 }),
    location: LonLat,
    modelId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type TrapCreate = Static<typeof TrapCreate>;

export const Trap = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameTh: Type.String(),
  location: LonLat,
  enabled: Type.Boolean(),
  modelId: Type.String(),
  lastImageAt: Type.Union([IsoDateTime, Type.Null()]),
  createdAt: IsoDateTime,
});
export type Trap = Static<typeof Trap>;

/** Change some fields of a trap; `enabled: false` retires it (its images are refused, its sightings stay). */
export const TrapUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    nameTh: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    location: Type.Optional(LonLat),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type TrapUpdate = Static<typeof TrapUpdate>;

/** Returned once, at registration or key rotation: the key the trap sends with every image. */
export const TrapCreated = Type.Object({ trap: Trap, key: Type.String() });
export type TrapCreated = Static<typeof TrapCreated>;

export const TrapDetection = Type.Object({
  label: Type.String(),
  score: Type.Number(),
  box: Type.Array(Type.Number()),
});

/** An elephant-like object the trap takes for a fixture (statue, painted wall, sign): it raises no sighting. */
export const TrapFixture = Type.Object({
  label: Type.String(),
  score: Type.Number(),
  box: Type.Array(Type.Number()),
  /** 'dismissed': an operator called a sighting of it here a false alarm; 'repeated': seen here visit after visit. */
  reason: Type.Union([Type.Literal('dismissed'), Type.Literal('repeated')]),
  /** Separate visits of the trap it was seen on, here. */
  visits: Type.Integer(),
  firstSeenAt: IsoDateTime,
});

export const TrapImageResult = Type.Object({
  trapId: Type.Integer(),
  detections: Type.Array(TrapDetection),
  /** Elephant-like objects set aside as the trap's fixtures (absent from workers older than the fixture memory). */
  fixtures: Type.Optional(Type.Array(TrapFixture)),
  /** Ids of the events this image opened or updated (elephant sighting and warning). */
  eventIds: Type.Array(Type.Integer()),
});
export type TrapImageResult = Static<typeof TrapImageResult>;
