// Brings the detections of each tile back to source pixels and removes the doubles found where tiles overlap (and,
// for a camera tiled "whole + tiles", those the whole picture found as well).
import type { BoxScale, Detection } from '../detection.schema';
import { area, insideShare, mergeOverview } from './merge-overview';
import { iou } from './nms';
import { joinSeamParts } from './tile-seams';

export interface TileDetections {
  /** Tile corner on the canvas. */
  x: number;
  y: number;
  /** Tile size; when given, the parts of an object cut by a seam between tiles are joined first. */
  width?: number;
  height?: number;
  /** In tile pixels. */
  detections: readonly Detection[];
}

/** Share of the smaller box inside the larger: an object cut at a tile edge is a part of its whole self. */
const containment = (a: Detection['box'], b: Detection['box']): number =>
  area(a) <= area(b) ? insideShare(a, b) : insideShare(b, a);

/** `overview`: the whole picture's detections in canvas pixels, when the camera detects on it as well. */
export function mergeTileDetections(
  tiles: readonly TileDetections[],
  scale: BoxScale,
  overview?: readonly Detection[],
  iouThreshold = 0.5,
  containThreshold = 0.8,
): Detection[] {
  const rects = tiles.map(({ x, y, width, height }) => ({
    x,
    y,
    width: width ?? Number.POSITIVE_INFINITY,
    height: height ?? Number.POSITIVE_INFINITY,
  }));
  const canvas = tiles.flatMap(({ x, y, detections }, i) =>
    detections.map((d) => ({
      ...d,
      box: [d.box[0] + x, d.box[1] + y, d.box[2] + x, d.box[3] + y] as Detection['box'],
      tile: rects[i]!,
    })),
  );
  const all = joinSeamParts(canvas).sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of all) {
    const double = kept.some(
      (k) =>
        k.classId === d.classId &&
        (iou(k.box, d.box) > iouThreshold || containment(k.box, d.box) > containThreshold),
    );
    if (!double) kept.push(d);
  }
  const merged = overview ? mergeOverview(kept, overview, rects, iouThreshold, containThreshold) : kept;
  return merged.map((d) => ({
    ...d,
    box: [
      d.box[0] * scale.scaleX,
      d.box[1] * scale.scaleY,
      d.box[2] * scale.scaleX,
      d.box[3] * scale.scaleY,
    ] as Detection['box'],
  }));
}
