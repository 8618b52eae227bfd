// The model's resize with sharp: fill to the resized size with a linear kernel, then pad right and bottom to the input.
import type { Sharp } from 'sharp';
import type { ModelInput } from '../manifest.schema';
import type { ResizeGeometry } from './resize-geometry';

/** Linear kernel with fill: how the reference detections in ../shared/models/expected were made (reproduced exactly). */
export function letterbox(image: Sharp, input: ModelInput, geometry: ResizeGeometry): Sharp {
  const pad = input.padValue ?? 0;
  return image
    .resize(geometry.resizedWidth, geometry.resizedHeight, { fit: 'fill', kernel: 'linear' })
    .extend({
      right: input.width - geometry.resizedWidth,
      bottom: input.height - geometry.resizedHeight,
      background: { r: pad, g: pad, b: pad },
    });
}
