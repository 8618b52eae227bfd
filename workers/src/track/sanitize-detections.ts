// Drops detections the tracker cannot use (non-finite numbers, empty or inverted boxes) at the stage boundary.
import type { Detection } from '@toc/models';

export interface SanitizedDetections {
  detections: Detection[];
  /** How many were dropped. */
  dropped: number;
}

export function isUsableDetection(d: Detection): boolean {
  const [x1, y1, x2, y2] = d.box;
  return (
    Number.isFinite(d.score) &&
    Number.isFinite(x1) &&
    Number.isFinite(y1) &&
    Number.isFinite(x2) &&
    Number.isFinite(y2) &&
    x2 > x1 &&
    y2 > y1
  );
}

/** Returns the input array itself when nothing is dropped (the common case: no copy). */
export function sanitizeDetections(detections: readonly Detection[]): SanitizedDetections {
  let dropped = 0;
  for (const d of detections) if (!isUsableDetection(d)) dropped++;
  if (dropped === 0) return { detections: detections as Detection[], dropped };
  return { detections: detections.filter(isUsableDetection), dropped };
}
