// Class-wise greedy non-maximum suppression, plus the IoU it is built on.
import type { Detection } from '../detection.schema';

type Box = Detection['box'];

export function iou(a: Box, b: Box): number {
  const iw = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const ih = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  const union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Keeps, per class, each box that overlaps no higher-scoring kept box by more than `iouThreshold`.
 * Returns the kept detections sorted by score, highest first; the input is not modified.
 */
export function nms<T extends Pick<Detection, 'classId' | 'score' | 'box'>>(
  detections: readonly T[],
  iouThreshold: number,
): T[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const keptByClass = new Map<number, T[]>();
  const kept: T[] = [];
  for (const d of sorted) {
    const sameClass = keptByClass.get(d.classId) ?? [];
    if (sameClass.some((k) => iou(k.box, d.box) > iouThreshold)) continue;
    sameClass.push(d);
    keptByClass.set(d.classId, sameClass);
    kept.push(d);
  }
  return kept;
}
