// Camera finder: which cameras could have seen a place at a time, what footage they hold then, and nearby events.
import { Type, type Static } from 'typebox';
import { CameraState } from './camera.schema';
import { IsoDateTime, LonLat } from './common.schema';
import { GapReason } from './recording.schema';

/** Largest search radius: beyond this no camera shows a vehicle in usable detail. */
export const FINDER_MAX_RADIUS_M = 2_000;
/** Largest place uncertainty the finder accepts; a vaguer place needs a different search (a road, an area). */
export const FINDER_MAX_UNCERTAINTY_M = 500;
export const FINDER_MAX_LIMIT = 50;

export const CameraFinderQuery = Type.Object(
  {
    place: LonLat,
    uncertaintyM: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: FINDER_MAX_UNCERTAINTY_M,
        description: 'How far off the place may be, metres',
      }),
    ),
    from: IsoDateTime,
    to: IsoDateTime,
    radiusM: Type.Optional(Type.Integer({ minimum: 10, maximum: FINDER_MAX_RADIUS_M })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: FINDER_MAX_LIMIT })),
  },
  { additionalProperties: false },
);
export type CameraFinderQuery = Static<typeof CameraFinderQuery>;

/**
 * How a camera was judged: its calibrated view (the place mapped into the image), its registered heading and field
 * of view, or only that it stands close by.
 */
export const FINDER_BASES = ['calibration', 'field-of-view', 'nearby'] as const;
export const FinderBasis = Type.Enum(FINDER_BASES);
export type FinderBasis = (typeof FINDER_BASES)[number];

/** A gap reason from recording_gaps, or 'not_recorded' when the index holds neither footage nor a gap. */
export const CoverageGapReason = Type.Union([GapReason, Type.Literal('not_recorded')]);
export type CoverageGapReason = Static<typeof CoverageGapReason>;

export const CoverageGap = Type.Object({
  from: IsoDateTime,
  to: IsoDateTime,
  reason: CoverageGapReason,
  detail: Type.Union([Type.String(), Type.Null()]),
  text: Type.String({ description: 'Why there is no footage, in English' }),
  textTh: Type.String({ description: 'Why there is no footage, in Thai' }),
});
export type CoverageGap = Static<typeof CoverageGap>;

export const FootageCoverage = Type.Object({
  /** Recorded stretches in the window (contiguous segments merged), cut to the window. */
  spans: Type.Array(Type.Object({ from: IsoDateTime, to: IsoDateTime })),
  /** Every stretch of the window without footage, with its reason. */
  gaps: Type.Array(CoverageGap),
  coveredSeconds: Type.Number(),
  fraction: Type.Number({ minimum: 0, maximum: 1 }),
});
export type FootageCoverage = Static<typeof FootageCoverage>;

export const NearEvent = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  severity: Type.String(),
  status: Type.String(),
  cameraId: Type.Union([Type.Integer(), Type.Null()]),
  location: LonLat,
  startedAt: IsoDateTime,
  endedAt: Type.Union([IsoDateTime, Type.Null()]),
  distanceM: Type.Number(),
});
export type NearEvent = Static<typeof NearEvent>;

export const FoundCamera = Type.Object({
  cameraId: Type.Integer(),
  name: Type.String(),
  nameTh: Type.String(),
  /** A disabled camera is listed all the same: it may have recorded before it was turned off. */
  enabled: Type.Boolean(),
  status: CameraState,
  location: LonLat,
  headingDeg: Type.Number(),
  fovDeg: Type.Number(),
  calibrated: Type.Boolean(),
  rank: Type.Integer({ minimum: 1 }),
  score: Type.Number({ minimum: 0, maximum: 1 }),
  basis: FinderBasis,
  distanceM: Type.Number(),
  bearingOffDeg: Type.Number({
    minimum: 0,
    maximum: 180,
    description: 'Angle between the heading and the place',
  }),
  viewShare: Type.Number({
    minimum: 0,
    maximum: 1,
    description: 'Share of the uncertain place the camera sees',
  }),
  imagePoint: Type.Union([Type.Tuple([Type.Number(), Type.Number()]), Type.Null()], {
    description: 'Where the place is in the calibrated image (fractions of width and height)',
  }),
  reason: Type.String(),
  reasonTh: Type.String(),
  coverage: FootageCoverage,
  /** Events near the place in the window that this camera raised. */
  eventIds: Type.Array(Type.Integer()),
});
export type FoundCamera = Static<typeof FoundCamera>;

export const FootageSearch = Type.Object({
  place: LonLat,
  uncertaintyM: Type.Number(),
  radiusM: Type.Number(),
  from: IsoDateTime,
  to: IsoDateTime,
  cameras: Type.Array(FoundCamera),
  events: Type.Array(NearEvent),
});
export type FootageSearch = Static<typeof FootageSearch>;
