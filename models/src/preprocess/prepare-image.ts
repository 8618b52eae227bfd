// Still image (JPEG, PNG, WebP... e.g. a camera-trap upload) → the model's input tensor, with sharp.
import sharp from 'sharp';
import type { BoxScale } from '../detection.schema';
import type { ModelManifest } from '../manifest.schema';
import { letterbox } from './letterbox';
import { packedToTensor } from './packed-frame';
import { resizeGeometry } from './resize-geometry';

export interface PreparedImage extends BoxScale {
  tensor: Float32Array;
  /** Source size after EXIF orientation. */
  width: number;
  height: number;
}

export async function prepareImage(
  buffer: Uint8Array,
  manifest: Pick<ModelManifest, 'input'>,
): Promise<PreparedImage> {
  const { input } = manifest;
  const oriented = await sourceSize(buffer);
  const geometry = resizeGeometry(input, oriented.width, oriented.height);
  // Straight from the encoded image, so JPEG shrink-on-load applies as it did for the reference detections.
  const { data, info } = await letterbox(sharp(buffer, { autoOrient: true }), input, geometry)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch((err: unknown) => {
      // The header can be fine while the data is not (e.g. a truncated upload).
      throw new Error(`prepareImage: the image could not be decoded: ${(err as Error).message}`, {
        cause: err,
      });
    });
  if (info.channels !== 3 || info.width !== input.width || info.height !== input.height) {
    throw new Error(
      `Image decoded to ${info.width}×${info.height}×${info.channels}, expected ${input.width}×${input.height}×3`,
    );
  }
  const tensor = packedToTensor(data, input, 'RGB');
  return {
    tensor,
    width: oriented.width,
    height: oriented.height,
    scaleX: geometry.scaleX,
    scaleY: geometry.scaleY,
  };
}

async function sourceSize(buffer: Uint8Array): Promise<{ width: number; height: number }> {
  if (!(buffer instanceof Uint8Array) || buffer.length === 0)
    throw new Error('prepareImage: the input is empty');
  try {
    const meta = await sharp(buffer).metadata();
    const size = meta.autoOrient ?? meta;
    if (!size.width || !size.height) throw new Error('no image size');
    return { width: size.width, height: size.height };
  } catch (err) {
    throw new Error(
      `prepareImage: the input is not a readable image (JPEG, PNG, WebP…): ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
