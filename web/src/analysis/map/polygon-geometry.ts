// Pure geometry of drawing an area on the map: rounding clicked points, and closing them into a usable polygon.
import type { DrawnPolygon } from '../crash-filter-state';

export type Vertex = [number, number];

export interface ScreenPoint {
  x: number;
  y: number;
}

export type RingProblem = 'tooFewPoints' | 'noArea' | 'crossesItself';
export type RingResult = { polygon: DrawnPolygon } | { problem: RingProblem };

/** Six decimals of a degree are about 0.1 m: anything finer only lengthens the filter's query string. */
const DECIMALS = 6;
const SCALE = 10 ** DECIMALS;

export const roundVertex = (lon: number, lat: number): Vertex => [
  Math.round(lon * SCALE) / SCALE,
  Math.round(lat * SCALE) / SCALE,
];

const sameVertex = (a: Vertex, b: Vertex) => a[0] === b[0] && a[1] === b[1];

/** Whether two screen points are within `tolerancePx` (a click "on" a vertex, or the second click of a double-click). */
export const isNear = (a: ScreenPoint, b: ScreenPoint, tolerancePx: number): boolean =>
  Math.hypot(a.x - b.x, a.y - b.y) <= tolerancePx;

/** The vertices without consecutive repeats (a double-click adds its point twice) and without a closing repeat. */
export function distinctVertices(vertices: readonly Vertex[]): Vertex[] {
  const kept: Vertex[] = [];
  for (const vertex of vertices) {
    const last = kept[kept.length - 1];
    if (!last || !sameVertex(last, vertex)) kept.push(vertex);
  }
  const first = kept[0];
  while (kept.length > 1 && first && sameVertex(first, kept[kept.length - 1]!)) kept.pop();
  return kept;
}

/** Below this (degrees², about a 0.1 m square) the points are taken as on one line, rounding aside. */
const NO_AREA = 1e-12;

/** Twice the signed area by the shoelace formula; zero when every point lies on one line. */
function doubledArea(ring: readonly Vertex[]): number {
  let sum = 0;
  ring.forEach(([x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  });
  return sum;
}

const orientation = (a: Vertex, b: Vertex, c: Vertex) =>
  Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

const onSegment = (a: Vertex, b: Vertex, p: Vertex) =>
  Math.min(a[0], b[0]) <= p[0] &&
  p[0] <= Math.max(a[0], b[0]) &&
  Math.min(a[1], b[1]) <= p[1] &&
  p[1] <= Math.max(a[1], b[1]);

/** Whether segments ab and cd share a point (touching counts). */
export function segmentsMeet(a: Vertex, b: Vertex, c: Vertex, d: Vertex): boolean {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, b, c)) ||
    (o2 === 0 && onSegment(a, b, d)) ||
    (o3 === 0 && onSegment(c, d, a)) ||
    (o4 === 0 && onSegment(c, d, b))
  );
}

/** Whether the closed outline through the vertices crosses or touches itself (a bow-tie is no area to filter by). */
export function crossesItself(ring: readonly Vertex[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex by construction; only edges apart from each other may not meet.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsMeet(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

/** The clicked vertices as a closed GeoJSON Polygon, or why they do not make one. */
export function closeRing(vertices: readonly Vertex[]): RingResult {
  const ring = distinctVertices(vertices);
  if (ring.length < 3) return { problem: 'tooFewPoints' };
  // Crossing first: a symmetric bow-tie's two halves cancel out to no area.
  if (crossesItself(ring)) return { problem: 'crossesItself' };
  if (Math.abs(doubledArea(ring)) < NO_AREA) return { problem: 'noArea' };
  const first = ring[0]!;
  return { polygon: { type: 'Polygon', coordinates: [[...ring, [first[0], first[1]]]] } };
}
