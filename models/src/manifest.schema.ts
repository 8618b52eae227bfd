// TypeBox schema of a detector manifest: which weights file, how to feed it and how to decode its output.
import { Type, type Static } from 'typebox';

export const ColorOrder = Type.Union([Type.Literal('BGR'), Type.Literal('RGB')]);
export type ColorOrder = Static<typeof ColorOrder>;

export const ResizeMode = Type.Union([Type.Literal('letterbox-top-left'), Type.Literal('stretch')], {
  description:
    'letterbox-top-left: keep aspect, image at the top-left, padValue elsewhere; stretch: plain resize',
});
export type ResizeMode = Static<typeof ResizeMode>;

export const DecoderKind = Type.Union([Type.Literal('yolox'), Type.Literal('picodet')]);
export type DecoderKind = Static<typeof DecoderKind>;

const PerChannel = Type.Tuple([Type.Number(), Type.Number(), Type.Number()], {
  description: 'One value per tensor channel, in colorOrder order',
});

export const ModelInput = Type.Object(
  {
    name: Type.String({ minLength: 1, description: 'Input tensor name' }),
    width: Type.Integer({ minimum: 1 }),
    height: Type.Integer({ minimum: 1 }),
    colorOrder: ColorOrder,
    layout: Type.Literal('NCHW'),
    resize: ResizeMode,
    padValue: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 255, description: 'Letterbox fill, all channels' }),
    ),
    mean: Type.Optional(PerChannel),
    std: Type.Optional(PerChannel),
    scale: Type.Number({
      exclusiveMinimum: 0,
      description: 'Tensor value = (pixel * scale - mean[c]) / std[c]; mean 0 and std 1 when absent',
    }),
  },
  { additionalProperties: false },
);
export type ModelInput = Static<typeof ModelInput>;

export const LabelSetName = Type.Literal('coco80');
export type LabelSetName = Static<typeof LabelSetName>;

const manifestFields = {
  id: Type.String({ pattern: '^[a-z0-9_]+$', maxLength: 64 }),
  file: Type.String({ pattern: '^[A-Za-z0-9._-]+$', description: 'File name inside the models directory' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  upstreamUrl: Type.String({
    pattern: '^https://',
    description: 'Where these exact bytes can be downloaded',
  }),
  licence: Type.String({ minLength: 1, description: 'SPDX id of the weights licence' }),
  licenceFile: Type.Union([Type.String({ minLength: 1 }), Type.Null()], {
    description: 'Licence text, relative to the shared directory; null when no copy is kept there',
  }),
  input: ModelInput,
  outputs: Type.Array(Type.String({ minLength: 1 }), {
    minItems: 1,
    description: 'Output tensor names in the order the decoder reads them',
  }),
  decoder: DecoderKind,
  scoreThreshold: Type.Number({ minimum: 0, maximum: 1 }),
  nmsIou: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  publishedMap: Type.Number({ minimum: 0, maximum: 100, description: 'COCO val mAP(0.5:0.95) as published' }),
  notes: Type.String(),
};

/** A manifest as the code uses it: labels resolved to one name per class id. */
export const ModelManifest = Type.Object(
  { ...manifestFields, labels: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }) },
  { additionalProperties: false },
);
export type ModelManifest = Static<typeof ModelManifest>;

/** A manifest as stored in manifests/*.json: labels inline or the name of a shared label set. */
export const ModelManifestFile = Type.Object(
  { ...manifestFields, labels: Type.Union([LabelSetName, ModelManifest.properties.labels]) },
  { additionalProperties: false },
);
export type ModelManifestFile = Static<typeof ModelManifestFile>;
