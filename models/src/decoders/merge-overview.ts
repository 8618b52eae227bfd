// Adds the detections of the whole picture to those of the tiles: a near object that the tiles cut into parts is
// kept whole from the overview, a small one only the tiles found stays, and one seen by both is kept once.
import type { Detection } from '../detection.schema';
import { iou } from './nms';
import { CUT_MARGIN } from './tile-seams';

type Box = Detection['box'];

export interface TileRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Share of `inner` that lies inside `outer`. */
export function insideShare(inner: Box, outer: Box): number {
  const iw = Math.min(inner[2], outer[2]) - Math.max(inner[0], outer[0]);
  const ih = Math.min(inner[3], outer[3]) - Math.max(inner[1], outer[1]);
  const own = area(inner);
  return iw > 0 && ih > 0 && own > 0 ? (iw * ih) / own : 0;
}

export const area = (b: Box) => (b[2] - b[0]) * (b[3] - b[1]);

/** Share of `box` that the `others` cover (their overlaps with it summed: an upper bound where they overlap). */
function coveredShare(box: Box, others: readonly Box[]): number {
  return others.reduce((sum, other) => sum + insideShare(box, other), 0);
}

/** The lines where one tile ends inside the picture (canvas pixels): a box edge on one is a cut, not the object's. */
function seamLines(tiles: readonly TileRect[]): { xs: number[]; ys: number[] } {
  const right = Math.max(...tiles.map((t) => t.x + t.width));
  const bottom = Math.max(...tiles.map((t) => t.y + t.height));
  const xs = tiles.flatMap((t) => [t.x, t.x + t.width]).filter((x) => x > 0 && x < right);
  const ys = tiles.flatMap((t) => [t.y, t.y + t.height]).filter((y) => y > 0 && y < bottom);
  return { xs, ys };
}

function cutBySeam(box: Box, seams: { xs: number[]; ys: number[] }): boolean {
  const near = (v: number, lines: number[]) => lines.some((line) => Math.abs(v - line) <= CUT_MARGIN);
  return near(box[0], seams.xs) || near(box[2], seams.xs) || near(box[1], seams.ys) || near(box[3], seams.ys);
}

/**
 * `tiled`: the tiles' detections after their own merge; `overview`: the whole picture's; both in canvas pixels.
 * - One object in both (same class, IoU above `iouThreshold`, the tile box not cut by a seam): the higher-scoring
 *   box.
 * - An overview box around a same-class tile box that no seam cuts, or mostly covered by such boxes: the tiles saw
 *   it better (a group box around people the tiles told apart, the whole of a part the tiles found on their own, a
 *   part of a person they found whole, a box straddling two of them); the overview box goes.
 * - Tile boxes cut by a seam that overlap or lie inside a same-class overview box: parts of what the overview saw
 *   whole. They go, and the overview box keeps the best score of them all (each is evidence of the one object).
 */
export function mergeOverview(
  tiled: readonly Detection[],
  overview: readonly Detection[],
  tiles: readonly TileRect[],
  iouThreshold = 0.5,
  containThreshold = 0.8,
): Detection[] {
  const seams = seamLines(tiles);
  const kept = tiled.map((d) => ({ d, cut: cutBySeam(d.box, seams), dropped: false }));
  const added: Detection[] = [];
  for (const o of [...overview].sort((a, b) => b.score - a.score)) {
    const same = kept.filter((k) => !k.dropped && k.d.classId === o.classId);
    const overlaps = same.filter((k) => iou(k.d.box, o.box) > iouThreshold);
    const inside = same.filter(
      (k) => area(k.d.box) < area(o.box) && insideShare(k.d.box, o.box) > containThreshold,
    );
    const twin = overlaps.find((k) => !k.cut);
    if (twin) {
      if (o.score > twin.d.score) twin.d = o;
      continue;
    }
    // The tiles saw better what lies around or over this box: a group box around people they told apart, the whole
    // of a part they found on their own, or a part (or a straddle) of objects they found whole.
    const whole = same.filter((k) => !k.cut);
    if (inside.some((k) => !k.cut) || coveredShare(o.box, whole.map((k) => k.d.box)) > containThreshold) continue;
    const parts = [...overlaps, ...inside];
    for (const k of parts) k.dropped = true;
    added.push({ ...o, score: Math.max(o.score, ...parts.map((k) => k.d.score)) });
  }
  return [...kept.filter((k) => !k.dropped).map((k) => k.d), ...added].sort((a, b) => b.score - a.score);
}
