// Size of the resized image inside the model input, and the factors that map model boxes back to the source.
import type { BoxScale } from '../detection.schema';
import type { ModelInput } from '../manifest.schema';

export interface ResizeGeometry extends BoxScale {
  /** Size the source is resized to; smaller than the input only for letterbox (the rest is padding). */
  resizedWidth: number;
  resizedHeight: number;
}

export function resizeGeometry(input: ModelInput, srcWidth: number, srcHeight: number): ResizeGeometry {
  if (!(Number.isInteger(srcWidth) && Number.isInteger(srcHeight) && srcWidth > 0 && srcHeight > 0)) {
    throw new Error(`Invalid source size ${srcWidth}×${srcHeight}`);
  }
  const { width, height } = input;
  if (input.resize === 'stretch') {
    return {
      resizedWidth: width,
      resizedHeight: height,
      scaleX: srcWidth / width,
      scaleY: srcHeight / height,
    };
  }
  // The other side is rounded (not truncated as in YOLOX's own demo): the reference detections were made so.
  // Integer arithmetic keeps e.g. 640×360 → 416×234 exact.
  const widthLimited = width * srcHeight <= height * srcWidth;
  const resizedWidth = widthLimited ? width : Math.max(1, Math.round((srcWidth * height) / srcHeight));
  const resizedHeight = widthLimited ? Math.max(1, Math.round((srcHeight * width) / srcWidth)) : height;
  // 1 / r, with r = min(width / srcWidth, height / srcHeight).
  const scale = widthLimited ? srcWidth / width : srcHeight / height;
  return { resizedWidth, resizedHeight, scaleX: scale, scaleY: scale };
}
