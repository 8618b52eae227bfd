// Video walls: a grid of live camera tiles for the control-room screen, cycling through named camera groups.
import { Type, type Static } from 'typebox';
import { Id, IsoDateTime } from './common.schema';

export const WALL_LIMITS = {
  maxRows: 6,
  maxCols: 6,
  maxGroups: 20,
  /** A group may hold more cameras than tiles: the wall shows the first rows × cols of them. */
  maxCamerasPerGroup: 36,
  minCycleSeconds: 5,
  maxCycleSeconds: 600,
} as const;

export const WallGroup = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, description: 'Group name in English' }),
    nameTh: Type.String({ minLength: 1, maxLength: 80, description: 'Group name in Thai' }),
    cameraIds: Type.Array(Id(), { maxItems: WALL_LIMITS.maxCamerasPerGroup, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type WallGroup = Static<typeof WallGroup>;

/** 0 = stay on the first group; otherwise 5..600 s (the gap is checked by `isValidCycleSeconds`, with a clear reason). */
export const CycleSeconds = Type.Integer({
  minimum: 0,
  maximum: WALL_LIMITS.maxCycleSeconds,
  description: `Seconds per camera group: 0 = no cycling, otherwise ${WALL_LIMITS.minCycleSeconds}..${WALL_LIMITS.maxCycleSeconds}`,
});

/** JSON Schema has no "0 or a range" that validators explain well, so this part is checked here. */
export const isValidCycleSeconds = (seconds: number): boolean =>
  seconds === 0 || (seconds >= WALL_LIMITS.minCycleSeconds && seconds <= WALL_LIMITS.maxCycleSeconds);

export const WallInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80, description: 'Wall name in English' }),
    nameTh: Type.String({ minLength: 1, maxLength: 80, description: 'Wall name in Thai' }),
    rows: Type.Integer({ minimum: 1, maximum: WALL_LIMITS.maxRows }),
    cols: Type.Integer({ minimum: 1, maximum: WALL_LIMITS.maxCols }),
    cycleSeconds: CycleSeconds,
    groups: Type.Array(WallGroup, { minItems: 1, maxItems: WALL_LIMITS.maxGroups }),
  },
  { additionalProperties: false },
);
export type WallInput = Static<typeof WallInput>;

export const Wall = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  nameTh: Type.String(),
  rows: Type.Integer(),
  cols: Type.Integer(),
  cycleSeconds: Type.Integer(),
  groups: Type.Array(WallGroup),
  updatedAt: IsoDateTime,
  /** Username of the last editor; null for the seeded wall. */
  updatedBy: Type.Union([Type.String(), Type.Null()]),
});
export type Wall = Static<typeof Wall>;
