// Axis-aligned box arithmetic shared by the rules: size, overlap, coverage (IoU comes from the decoders).
import type { Box } from '../pipeline/types';

export const boxWidth = (box: Box): number => Math.max(0, box[2] - box[0]);
export const boxHeight = (box: Box): number => Math.max(0, box[3] - box[1]);
export const boxArea = (box: Box): number => boxWidth(box) * boxHeight(box);

export function intersectionArea(a: Box, b: Box): number {
  const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

// The decoders' IoU is the same measure; the tracker uses it too.
export { iou } from '@toc/models/decoders/nms';

/** Share of `inner` covered by `outer` (1 when fully inside). */
export function coverage(inner: Box, outer: Box): number {
  const area = boxArea(inner);
  return area > 0 ? intersectionArea(inner, outer) / area : 0;
}
