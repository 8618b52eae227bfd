// One detected object, in source-image pixels: the shape every decoder returns and every stage after it reads.
import { Type, type Static } from 'typebox';

export const Detection = Type.Object(
  {
    classId: Type.Integer({ minimum: 0 }),
    label: Type.String(),
    score: Type.Number({ minimum: 0, maximum: 1 }),
    box: Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()], {
      description: '[x1, y1, x2, y2] in source-image pixels; may reach slightly outside the image',
    }),
  },
  { additionalProperties: false },
);
export type Detection = Static<typeof Detection>;

/** Multiply model-space coordinates by these to get source-image pixels. */
export interface BoxScale {
  scaleX: number;
  scaleY: number;
}
