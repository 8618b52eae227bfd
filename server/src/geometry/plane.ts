// Plane geometry on image points: inside a polygon, area, which side of a line, segment crossing.
export type Point = readonly [number, number];

/** Ray casting; points on the boundary may fall either way. */
export function pointInPolygon(point: Point, ring: readonly Point[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed area (shoelace); positive when the ring turns counter-clockwise in a y-up frame. */
export function signedArea(ring: readonly Point[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return sum / 2;
}

/** Cross product of (b − a) × (p − a): > 0 on one side, < 0 on the other, 0 on the line. */
export function sideOfLine(a: Point, b: Point, p: Point): number {
  return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
}

/** True when segments p1–p2 and q1–q2 cross properly (touching at an end does not count). */
export function segmentsCross(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = sideOfLine(q1, q2, p1);
  const d2 = sideOfLine(q1, q2, p2);
  const d3 = sideOfLine(p1, p2, q1);
  const d4 = sideOfLine(p1, p2, q2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** True when p lies on the closed segment a–b, allowing `eps` of distance (image fractions) for rounding. */
export function pointOnSegment(p: Point, a: Point, b: Point, eps = 1e-9): boolean {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len <= eps) return Math.hypot(p[0] - a[0], p[1] - a[1]) <= eps;
  if (Math.abs(sideOfLine(a, b, p)) / len > eps) return false;
  // Position along a→b in units of its length; the ends may be overshot by eps.
  const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len;
  return t >= -eps && t <= len + eps;
}

/** True when closed segments p1–p2 and q1–q2 share any point: a crossing, a touch, or a collinear overlap. */
export function segmentsIntersect(p1: Point, p2: Point, q1: Point, q2: Point, eps = 1e-9): boolean {
  return (
    segmentsCross(p1, p2, q1, q2) ||
    pointOnSegment(q1, p1, p2, eps) ||
    pointOnSegment(q2, p1, p2, eps) ||
    pointOnSegment(p1, q1, q2, eps) ||
    pointOnSegment(p2, q1, q2, eps)
  );
}
