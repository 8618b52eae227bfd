// The ffmpeg filter chain that turns a video frame into exactly the model's input, and how to map boxes back.
import type { BoxScale } from '../detection.schema';
import type { ModelManifest } from '../manifest.schema';
import { resizeGeometry } from './resize-geometry';

export interface FrameGeometry extends BoxScale {
  /** Value for ffmpeg -vf: outputs manifest.input.width × height in `pixelFormat`. */
  filter: string;
  pixelFormat: 'bgr24' | 'rgb24';
  /** Bytes of one raw frame (width × height × 3). */
  frameBytes: number;
  width: number;
  height: number;
}

export function frameGeometry(
  manifest: Pick<ModelManifest, 'input'>,
  srcWidth: number,
  srcHeight: number,
): FrameGeometry {
  const { input } = manifest;
  const { resizedWidth, resizedHeight, scaleX, scaleY } = resizeGeometry(input, srcWidth, srcHeight);
  const pixelFormat = input.colorOrder === 'BGR' ? 'bgr24' : 'rgb24';
  // Convert before padding so the pad colour is exact and odd sizes need no chroma rounding. accurate_rnd and
  // full_chroma_int bring the colours close to a JPEG decoder's: scores ~4× nearer the reference than plain bilinear.
  const steps = [
    `scale=${resizedWidth}:${resizedHeight}:flags=bilinear+accurate_rnd+full_chroma_int`,
    `format=${pixelFormat}`,
  ];
  if (input.resize === 'letterbox-top-left') {
    const grey = (input.padValue ?? 0).toString(16).padStart(2, '0');
    steps.push(`pad=${input.width}:${input.height}:0:0:color=0x${grey.repeat(3)}`);
  }
  return {
    filter: steps.join(','),
    pixelFormat,
    frameBytes: input.width * input.height * 3,
    width: input.width,
    height: input.height,
    scaleX,
    scaleY,
  };
}
