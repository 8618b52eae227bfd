// Geometry for drawing on the camera picture: image fractions (0..1) ↔ screen pixels, arrows, centroids.
import type { ImagePoint } from '@toc/server/schemas';

export type Pixel = readonly [number, number];

export interface Size {
  width: number;
  height: number;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A point on screen (relative to the picture's top-left) as fractions of the picture, kept inside it. */
export function toFraction(x: number, y: number, size: Size): ImagePoint {
  if (size.width <= 0 || size.height <= 0) return [0, 0];
  return [clamp01(x / size.width), clamp01(y / size.height)];
}

export function toPixel(point: readonly [number, number], size: Size): Pixel {
  return [point[0] * size.width, point[1] * size.height];
}

/** True when two image points are within `px` screen pixels of each other (e.g. closing a polygon on its first point). */
export function nearOnScreen(a: readonly [number, number], b: readonly [number, number], size: Size, px: number): boolean {
  const [ax, ay] = toPixel(a, size);
  const [bx, by] = toPixel(b, size);
  return Math.hypot(ax - bx, ay - by) <= px;
}

/** Area-weighted centre of a polygon (falls back to the mean of its points when it has no area). */
export function centroid(polygon: readonly (readonly [number, number])[]): ImagePoint {
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  polygon.forEach((p, i) => {
    const q = polygon[(i + 1) % polygon.length]!;
    const cross = p[0] * q[1] - q[0] * p[1];
    area2 += cross;
    cx += (p[0] + q[0]) * cross;
    cy += (p[1] + q[1]) * cross;
  });
  if (Math.abs(area2) < 1e-12) {
    const n = Math.max(1, polygon.length);
    return [polygon.reduce((s, p) => s + p[0], 0) / n, polygon.reduce((s, p) => s + p[1], 0) / n];
  }
  return [cx / (3 * area2), cy / (3 * area2)];
}

/** Unit vector on screen, or null for a zero-length one. */
function unit(dx: number, dy: number): Pixel | null {
  const length = Math.hypot(dx, dy);
  return length > 1e-9 ? [dx / length, dy / length] : null;
}

/**
 * The way a crossing counts as "forward" for the line a→b, as a unit vector on screen: from the left of a→b to its
 * right (the workers' rule). With y pointing down, the right of direction (dx, dy) is (−dy, dx).
 */
export function forwardNormal(a: readonly [number, number], b: readonly [number, number], size: Size): Pixel | null {
  const [ax, ay] = toPixel(a, size);
  const [bx, by] = toPixel(b, size);
  const direction = unit(bx - ax, by - ay);
  return direction ? [-direction[1], direction[0]] : null;
}

/** The three corners of an arrow head at `tip`, pointing along `from → tip` (screen pixels). */
export function arrowHead(from: Pixel, tip: Pixel, sizePx: number): [Pixel, Pixel, Pixel] | null {
  const direction = unit(tip[0] - from[0], tip[1] - from[1]);
  if (!direction) return null;
  const [ux, uy] = direction;
  const back: Pixel = [tip[0] - ux * sizePx, tip[1] - uy * sizePx];
  const half = sizePx * 0.55;
  return [tip, [back[0] - uy * half, back[1] + ux * half], [back[0] + uy * half, back[1] - ux * half]];
}

/**
 * A roadway's travel direction drawn as an arrow of fixed screen length through the zone's centre. The direction is
 * in image fractions (as stored), so it is scaled by the picture size before drawing.
 */
export function directionArrow(
  centre: readonly [number, number],
  direction: readonly [number, number],
  size: Size,
  lengthPx: number,
): { tail: Pixel; tip: Pixel } | null {
  const d = unit(direction[0] * size.width, direction[1] * size.height);
  if (!d) return null;
  const [cx, cy] = toPixel(centre, size);
  const half = lengthPx / 2;
  return { tail: [cx - d[0] * half, cy - d[1] * half], tip: [cx + d[0] * half, cy + d[1] * half] };
}

/** The image-fraction vector from one click to the next (how a travel direction is stored). */
export function directionBetween(from: ImagePoint, to: ImagePoint): [number, number] {
  return [to[0] - from[0], to[1] - from[1]];
}

export const svgPoints = (points: readonly Pixel[]): string => points.map(([x, y]) => `${x},${y}`).join(' ');
