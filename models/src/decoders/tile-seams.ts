// Joins the two halves of an object cut by a tile seam: when an object is taller (or wider) than the tiles' overlap,
// neither tile sees it whole, so each reports a part and the parts are too different for the duplicate check.
import type { Detection } from '../detection.schema';

/** A detection in canvas pixels, with the rectangle of the tile that found it. */
export interface CanvasDetection extends Detection {
  tile: { x: number; y: number; width: number; height: number };
}

/** A box edge this close to an inner tile edge (canvas pixels) is a cut, not the object's own edge. */
export const CUT_MARGIN = 3;
/** Parts are joined when they share this much of the narrower one's extent across the seam. */
const MIN_ACROSS_OVERLAP = 0.6;

const cutAt = {
  right: (d: CanvasDetection) => d.box[2] >= d.tile.x + d.tile.width - CUT_MARGIN,
  bottom: (d: CanvasDetection) => d.box[3] >= d.tile.y + d.tile.height - CUT_MARGIN,
  left: (d: CanvasDetection) => d.tile.x > 0 && d.box[0] <= d.tile.x + CUT_MARGIN,
  top: (d: CanvasDetection) => d.tile.y > 0 && d.box[1] <= d.tile.y + CUT_MARGIN,
};

/** Overlap of two intervals as a share of the shorter one. */
function shared(a0: number, a1: number, b0: number, b1: number): number {
  const inter = Math.min(a1, b1) - Math.max(a0, b0);
  const shorter = Math.min(a1 - a0, b1 - b0);
  return inter > 0 && shorter > 0 ? inter / shorter : 0;
}

/** True when `a` (upper or left tile) and `b` (the next tile down or right) are the two parts of one object. */
function parts(a: CanvasDetection, b: CanvasDetection): boolean {
  if (a.classId !== b.classId || (a.tile.x === b.tile.x && a.tile.y === b.tile.y)) return false;
  const below = b.tile.y > a.tile.y && b.tile.x === a.tile.x;
  const beside = b.tile.x > a.tile.x && b.tile.y === a.tile.y;
  if (below)
    return (
      cutAt.bottom(a) &&
      cutAt.top(b) &&
      b.box[1] < a.box[3] &&
      shared(a.box[0], a.box[2], b.box[0], b.box[2]) >= MIN_ACROSS_OVERLAP
    );
  if (beside)
    return (
      cutAt.right(a) &&
      cutAt.left(b) &&
      b.box[0] < a.box[2] &&
      shared(a.box[1], a.box[3], b.box[1], b.box[3]) >= MIN_ACROSS_OVERLAP
    );
  return false;
}

/** Each part joins at most one other part (its best-scoring match); the union box keeps the higher score. */
export function joinSeamParts(detections: readonly CanvasDetection[]): Detection[] {
  const used = new Set<number>();
  const out: Detection[] = [];
  const order = detections.map((_, i) => i).sort((i, j) => detections[j]!.score - detections[i]!.score);
  for (const i of order) {
    if (used.has(i)) continue;
    const a = detections[i]!;
    const match = order.find(
      (j) => j !== i && !used.has(j) && (parts(a, detections[j]!) || parts(detections[j]!, a)),
    );
    used.add(i);
    const { tile: _tile, ...own } = a;
    if (match === undefined) {
      out.push(own);
      continue;
    }
    used.add(match);
    const b = detections[match]!;
    out.push({
      ...own,
      score: Math.max(a.score, b.score),
      box: [
        Math.min(a.box[0], b.box[0]),
        Math.min(a.box[1], b.box[1]),
        Math.max(a.box[2], b.box[2]),
        Math.max(a.box[3], b.box[3]),
      ],
    });
  }
  return out;
}
