// The whole picture of a tiled canvas as one model input: the tiles find small, distant objects, and this view keeps
// the large, near ones that every tile cuts (a camera tiled "whole + tiles" detects on both).
import type { BoxScale } from '../detection.schema';
import type { ModelManifest } from '../manifest.schema';
import { affine } from './packed-frame';
import { resizeGeometry } from './resize-geometry';

export interface OverviewInput {
  tensor: Float32Array;
  /** Multiply the model's boxes by these to get canvas pixels. */
  scale: BoxScale;
}

/** For each output pixel along one axis, the source pixels [start, end) it averages (at least one). */
function spans(sourceLength: number, outputLength: number): Int32Array {
  const ratio = sourceLength / outputLength;
  const out = new Int32Array(outputLength * 2);
  for (let i = 0; i < outputLength; i++) {
    const start = Math.min(sourceLength - 1, Math.floor(i * ratio));
    out[2 * i] = start;
    out[2 * i + 1] = Math.max(start + 1, Math.min(sourceLength, Math.floor((i + 1) * ratio)));
  }
  return out;
}

/**
 * Shrinks the picture (the top-left `contentWidth` × `contentHeight` of a packed canvas `frameWidth` wide, bytes in
 * the model's colour order) into the model input by averaging the pixels each input pixel covers, the way the
 * model's own resize mode places it (letterbox padding right and bottom). Averaging, not sampling: the canvas is
 * up to three times the input, and sampling would alias fine detail into noise.
 */
export function tensorFromPackedOverview(
  frame: Uint8Array,
  frameWidth: number,
  contentWidth: number,
  contentHeight: number,
  manifest: Pick<ModelManifest, 'input'>,
): OverviewInput {
  const { input } = manifest;
  const frameHeight = frame.length / 3 / frameWidth;
  if (!Number.isInteger(frameHeight) || contentWidth > frameWidth || contentHeight > frameHeight) {
    throw new Error(
      `A ${contentWidth}×${contentHeight} picture does not fit a ${frameWidth}-wide frame of ${frame.length} bytes`,
    );
  }
  const fit = resizeGeometry(input, contentWidth, contentHeight);
  const plane = input.width * input.height;
  const tensor = new Float32Array(plane * 3);
  const pad = input.padValue ?? 0;
  const normalisation = affine(input);
  const gain = normalisation.slice(0, 3);
  const offset = normalisation.slice(3);
  for (let c = 0; c < 3; c++) tensor.fill(pad * gain[c]! + offset[c]!, c * plane, (c + 1) * plane);
  const xs = spans(contentWidth, fit.resizedWidth);
  const ys = spans(contentHeight, fit.resizedHeight);
  const sums = new Float64Array(fit.resizedWidth * 3);
  for (let oy = 0; oy < fit.resizedHeight; oy++) {
    const y0 = ys[2 * oy]!;
    const y1 = ys[2 * oy + 1]!;
    sums.fill(0);
    for (let y = y0; y < y1; y++) {
      const row = y * frameWidth * 3;
      for (let ox = 0; ox < fit.resizedWidth; ox++) {
        const x1 = xs[2 * ox + 1]!;
        let b0 = 0;
        let b1 = 0;
        let b2 = 0;
        for (let p = row + xs[2 * ox]! * 3; p < row + x1 * 3; p += 3) {
          b0 += frame[p]!;
          b1 += frame[p + 1]!;
          b2 += frame[p + 2]!;
        }
        sums[3 * ox] = sums[3 * ox]! + b0;
        sums[3 * ox + 1] = sums[3 * ox + 1]! + b1;
        sums[3 * ox + 2] = sums[3 * ox + 2]! + b2;
      }
    }
    for (let ox = 0; ox < fit.resizedWidth; ox++) {
      const count = (y1 - y0) * (xs[2 * ox + 1]! - xs[2 * ox]!);
      const i = oy * input.width + ox;
      for (let c = 0; c < 3; c++) tensor[c * plane + i] = (sums[3 * ox + c]! / count) * gain[c]! + offset[c]!;
    }
  }
  return { tensor, scale: { scaleX: fit.scaleX, scaleY: fit.scaleY } };
}
