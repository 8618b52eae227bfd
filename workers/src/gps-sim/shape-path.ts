// Positions along a GTFS shape: the point and heading at a distance travelled, and a point's distance along it.
import { bearingDeg, groundDistanceM, toLocalMetres } from '@toc/server/geometry/local-metres';

/** A shape as [lon, lat] vertices with the cumulative metres at each vertex (gtfs_shapes.geom + dist_m). */
export interface ShapePath {
  coords: ReadonlyArray<readonly [number, number]>;
  distM: readonly number[];
}

export interface PointOnShape {
  lon: number;
  lat: number;
  /** Heading of the shape there, degrees clockwise from north. */
  bearingDeg: number;
}

/** Cumulative metres at each vertex of a polyline of [lon, lat]. */
export function cumulativeDistancesM(coords: ReadonlyArray<readonly [number, number]>): number[] {
  const out: number[] = [];
  let total = 0;
  for (let i = 0; i < coords.length; i++) {
    if (i > 0) total += groundDistanceM(lonLat(coords[i - 1]!), lonLat(coords[i]!));
    out.push(total);
  }
  return out;
}

export function shapeLengthM(shape: ShapePath): number {
  return shape.distM[shape.distM.length - 1] ?? 0;
}

/** Index i of the segment [i, i+1] holding distance d (the last non-empty segment for d at or past the end). */
function segmentAt(shape: ShapePath, d: number): number {
  const dist = shape.distM;
  let lo = 0;
  let hi = dist.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (dist[mid]! <= d) lo = mid;
    else hi = mid - 1;
  }
  // Step back over zero-length segments (repeated vertices), which have no heading.
  while (lo > 0 && dist[lo + 1]! - dist[lo]! <= 0) lo--;
  return Math.max(0, lo);
}

/** The point at `d` metres along the shape (clamped to its ends), with the heading of its segment. */
export function pointAtDistance(shape: ShapePath, d: number): PointOnShape {
  const first = shape.coords[0];
  if (!first) throw new Error('empty shape');
  if (shape.coords.length === 1) return { lon: first[0], lat: first[1], bearingDeg: 0 };
  const i = segmentAt(shape, d);
  const a = shape.coords[i]!;
  const b = shape.coords[i + 1]!;
  const d0 = shape.distM[i]!;
  const len = shape.distM[i + 1]! - d0;
  const f = len > 0 ? Math.min(1, Math.max(0, (d - d0) / len)) : 0;
  return {
    lon: a[0] + (b[0] - a[0]) * f,
    lat: a[1] + (b[1] - a[1]) * f,
    bearingDeg: len > 0 ? bearingDeg(lonLat(a), lonLat(b)) : 0,
  };
}

/**
 * Distance along the shape of the nearest point to (lon, lat), looking only at or after `fromM` (so a loop route's
 * later stops are not matched to its start). `offsetM` is how far the point lies from the shape.
 */
export function projectOntoShape(shape: ShapePath, lon: number, lat: number, fromM = 0): { distM: number; offsetM: number } {
  const origin = { lon, lat };
  let best = { distM: fromM, offsetM: Number.POSITIVE_INFINITY };
  for (let i = 0; i + 1 < shape.coords.length; i++) {
    if (shape.distM[i + 1]! < fromM) continue;
    const [ax, ay] = toLocalMetres(origin, lonLat(shape.coords[i]!));
    const [bx, by] = toLocalMetres(origin, lonLat(shape.coords[i + 1]!));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const f = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
    const offset = Math.hypot(ax + dx * f, ay + dy * f);
    const along = shape.distM[i]! + (shape.distM[i + 1]! - shape.distM[i]!) * f;
    if (offset < best.offsetM && along >= fromM) best = { distM: along, offsetM: offset };
  }
  return best;
}

function lonLat(c: readonly [number, number]): { lon: number; lat: number } {
  return { lon: c[0], lat: c[1] };
}
