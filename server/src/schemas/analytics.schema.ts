// Per-camera analytics setup: ground-plane calibration, zones and counting lines (image coordinates normalised 0..1).
import { Type, type Static } from 'typebox';
import { IsoDateTime, LonLat } from './common.schema';

/** A point on the camera image as a fraction of its width and height, so it survives a resolution change. */
export const ImagePoint = Type.Tuple([Type.Number({ minimum: 0, maximum: 1 }), Type.Number({ minimum: 0, maximum: 1 })], {
  description: '[x, y] as fractions of image width and height; origin top-left',
});
export type ImagePoint = Static<typeof ImagePoint>;

export const CalibrationPair = Type.Object(
  { image: ImagePoint, ground: LonLat },
  { additionalProperties: false, description: 'One image point and the place on the ground it shows' },
);
export type CalibrationPair = Static<typeof CalibrationPair>;

export const CalibrationInput = Type.Object(
  { pairs: Type.Array(CalibrationPair, { minItems: 4, maxItems: 64 }) },
  { additionalProperties: false },
);
export type CalibrationInput = Static<typeof CalibrationInput>;

export const ReprojectionError = Type.Object({
  meanM: Type.Number({ description: 'Mean ground distance between each given and reprojected point, metres' }),
  maxM: Type.Number(),
  perPairM: Type.Array(Type.Number()),
});
export type ReprojectionError = Static<typeof ReprojectionError>;

export const Calibration = Type.Object({
  cameraId: Type.Integer(),
  pairs: Type.Array(CalibrationPair),
  /** Row-major 3×3 matrix mapping normalised image points to metres east/north of `origin`. */
  homography: Type.Array(Type.Number(), { minItems: 9, maxItems: 9 }),
  origin: LonLat,
  error: ReprojectionError,
  updatedAt: IsoDateTime,
});
export type Calibration = Static<typeof Calibration>;

export const ZONE_KINDS = ['roadway', 'sidewalk', 'crowd_area', 'elephant_watch', 'mask'] as const;
export const ZoneKind = Type.Enum(ZONE_KINDS);
export type ZoneKind = (typeof ZONE_KINDS)[number];

export const ZoneInput = Type.Object(
  {
    kind: ZoneKind,
    name: Type.String({ minLength: 1, maxLength: 120 }),
    nameTh: Type.String({ minLength: 1, maxLength: 120 }),
    polygon: Type.Array(ImagePoint, { minItems: 3, maxItems: 64, description: 'Outer ring, not closed' }),
    /** Roadway only: the direction traffic may travel, as an image-space vector [dx, dy]. */
    direction: Type.Optional(Type.Tuple([Type.Number(), Type.Number()])),
    /** Crowd area only: people per m² (or people, without calibration) that raise / clear the alert. */
    alertAbove: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
    clearBelow: Type.Optional(Type.Number({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type ZoneInput = Static<typeof ZoneInput>;

export const CountingLineInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    nameTh: Type.String({ minLength: 1, maxLength: 120 }),
    /** Crossing from the left of a→b to its right is "forward"; the other way is "reverse". */
    points: Type.Tuple([ImagePoint, ImagePoint]),
  },
  { additionalProperties: false },
);
export type CountingLineInput = Static<typeof CountingLineInput>;

export const CameraSceneInput = Type.Object(
  {
    zones: Type.Array(ZoneInput, { maxItems: 32 }),
    lines: Type.Array(CountingLineInput, { maxItems: 16 }),
  },
  { additionalProperties: false },
);
export type CameraSceneInput = Static<typeof CameraSceneInput>;

export const Zone = Type.Object({ id: Type.Integer(), cameraId: Type.Integer(), ...ZoneInput.properties });
export type Zone = Static<typeof Zone>;
export const CountingLine = Type.Object({ id: Type.Integer(), cameraId: Type.Integer(), ...CountingLineInput.properties });
export type CountingLine = Static<typeof CountingLine>;

export const CameraScene = Type.Object({
  cameraId: Type.Integer(),
  zones: Type.Array(Zone),
  lines: Type.Array(CountingLine),
  calibration: Type.Union([Calibration, Type.Null()]),
});
export type CameraScene = Static<typeof CameraScene>;
