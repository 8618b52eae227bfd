// Camera-trap still → detections: every view of the still (whole, mirrored, tiles) fused, then a second look at
// the large animals that might be elephants. The pure parts are still-views, view-fusion and second-look.
import sharp from 'sharp';
import { letterbox, resizeGeometry, type Detection, type ObjectDetector } from '@toc/models';
import { packedToTensor } from '@toc/models/preprocess/packed-frame';
import { ELEPHANT_LABEL } from '../rules/labels';
import { DEFAULT_STILL_PATH_OPTIONS, type StillPathOptions } from './still-options';
import { closeUpRect, planViews, viewBoxToStill, type StillView } from './still-views';
import { fuseViews, type FusedObject, type ViewDetections } from './view-fusion';
import { isGreyStill } from './grey-still';
import { blendModels } from './model-ensemble';
import { bestClass, blendScores, closeUpScores } from './second-look';

export interface StillDetections {
  /** One per object, in still pixels, scored by the fused views and the second look. */
  detections: Detection[];
  objects: FusedObject[];
  /** Still size after EXIF orientation. */
  width: number;
  height: number;
  inferences: number;
  /** A grey still (night infrared), looked at by the second model too when one was given. */
  grey: boolean;
}

interface DecodedStill {
  data: Buffer;
  width: number;
  height: number;
}

async function decode(image: Uint8Array): Promise<DecodedStill> {
  // Grey (night infrared) stills come out as three equal channels, which is what the detector was trained on.
  const { data, info } = await sharp(image, { autoOrient: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      throw new Error(`the still could not be decoded (JPEG, PNG, WebP…): ${(err as Error).message}`, {
        cause: err,
      });
    });
  if (info.channels !== 3) throw new Error(`still decoded to ${info.channels} channels, expected 3`);
  return { data, width: info.width, height: info.height };
}

/** Detects on one view; boxes in still pixels. */
async function detectView(
  detector: ObjectDetector,
  still: DecodedStill,
  view: StillView,
): Promise<ViewDetections> {
  const { input } = detector.manifest;
  const { rect } = view;
  const geometry = resizeGeometry(input, rect.width, rect.height);
  let image = sharp(still.data, {
    raw: { width: still.width, height: still.height, channels: 3 },
  }).extract(rect);
  if (view.flip) image = image.flop();
  const pixels = await letterbox(image, input, geometry).raw().toBuffer();
  const { detections } = await detector.detect(packedToTensor(pixels, input, 'RGB'), geometry);
  return {
    view,
    pixelsPerModelPx: Math.max(geometry.scaleX, geometry.scaleY),
    detections: detections.map((d) => ({ ...d, box: viewBoxToStill(d.box, view) })),
  };
}

/** The second look: a close-up of the object (and its mirror) re-detected, blended into its scores. */
async function lookAgain(
  detector: ObjectDetector,
  still: DecodedStill,
  object: FusedObject,
  options: StillPathOptions,
): Promise<FusedObject> {
  const rect = closeUpRect(object.box, still.width, still.height, options.secondLookMargin);
  const looks = await Promise.all(
    [false, true].map((flip) => detectView(detector, still, { rect, flip, grid: 1 })),
  );
  const closeUps = looks.map((look) => closeUpScores(look.detections, object.box, options.sameObjectIou));
  const scores = blendScores(object.scores, closeUps, options.secondLookWeight);
  const classIds = { ...object.classIds };
  for (const look of looks) for (const d of look.detections) classIds[d.label] ??= d.classId;
  const top = bestClass(scores) ?? { label: object.label, score: 0 };
  return {
    ...object,
    scores,
    classIds,
    label: top.label,
    score: top.score,
    classId: classIds[top.label] ?? object.classId,
  };
}

/** One model's objects in the still: every view fused, then a second look at the likeliest large animals. */
async function objectsIn(
  detector: ObjectDetector,
  still: DecodedStill,
  options: StillPathOptions,
): Promise<{ objects: FusedObject[]; inferences: number }> {
  const model = Math.min(detector.manifest.input.width, detector.manifest.input.height);
  const views = planViews(still.width, still.height, model, options);
  // All views are queued at once: sharp prepares the next while the detector works on one.
  const perView = await Promise.all(views.map((view) => detectView(detector, still, view)));
  const objects = fuseViews(perView, still, options);

  const large = new Set(options.largeAnimals);
  const candidates = objects
    .filter((o) => large.has(o.label))
    .sort((a, b) => (b.scores[ELEPHANT_LABEL] ?? 0) - (a.scores[ELEPHANT_LABEL] ?? 0) || b.score - a.score)
    .slice(0, options.maxSecondLooks);
  const looked = new Map(
    await Promise.all(
      candidates.map(async (o) => [o, await lookAgain(detector, still, o, options)] as const),
    ),
  );
  return {
    objects: objects.map((o) => looked.get(o) ?? o),
    inferences: views.length + 2 * candidates.length,
  };
}

/**
 * `greyHelper` gives the second model (options.greySecondModel) for grey stills, asked only when a still is grey so a
 * worker whose traps send colour never loads it; without it, or when it gives none, every still has one model.
 */
export async function detectStill(
  detector: ObjectDetector,
  image: Uint8Array,
  options: StillPathOptions = DEFAULT_STILL_PATH_OPTIONS,
  greyHelper?: () => Promise<ObjectDetector | undefined>,
): Promise<StillDetections> {
  const still = await decode(image);
  const grey = isGreyStill(still.data, options.greyTolerance);
  const first = await objectsIn(detector, still, options);
  let { objects, inferences } = first;
  const helper = grey ? await greyHelper?.() : undefined;
  if (helper) {
    const second = await objectsIn(helper, still, options);
    objects = blendModels(objects, second.objects, options.greyPrimaryWeight, options.sameObjectIou);
    inferences += second.inferences;
  }

  const floor = detector.manifest.scoreThreshold;
  const detections = objects
    .filter((o) => o.score >= floor)
    .map(({ classId, label, score, box }) => ({ classId, label, score, box }));
  return { detections, objects, width: still.width, height: still.height, inferences, grey };
}
