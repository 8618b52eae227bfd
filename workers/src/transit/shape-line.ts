// A trip shape as projected metres with cumulative distance and a segment grid, for fast nearest-point search.
export interface ShapeLine {
  id: string;
  xs: Float64Array;
  ys: Float64Array;
  /** Metres from the start at each vertex. */
  cum: Float64Array;
  length: number;
  /** Cell key → indices of segments (vertex i to i+1) touching that cell. */
  grid: Map<number, number[]>;
}

export interface ShapeProjection {
  /** Metres along the shape. */
  along: number;
  /** Metres from the point to the shape. */
  offset: number;
  segment: number;
}

const CELL_M = 250;
const cellKey = (cx: number, cy: number) => (cx + 1_000_000) * 2_000_000 + (cy + 1_000_000);

export function buildShapeLine(id: string, xs: number[], ys: number[]): ShapeLine {
  const n = xs.length;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) cum[i] = cum[i - 1]! + Math.hypot(xs[i]! - xs[i - 1]!, ys[i]! - ys[i - 1]!);
  const grid = new Map<number, number[]>();
  for (let i = 0; i + 1 < n; i++) {
    const x0 = Math.floor(Math.min(xs[i]!, xs[i + 1]!) / CELL_M);
    const x1 = Math.floor(Math.max(xs[i]!, xs[i + 1]!) / CELL_M);
    const y0 = Math.floor(Math.min(ys[i]!, ys[i + 1]!) / CELL_M);
    const y1 = Math.floor(Math.max(ys[i]!, ys[i + 1]!) / CELL_M);
    for (let cx = x0; cx <= x1; cx++)
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const list = grid.get(key);
        if (list) list.push(i);
        else grid.set(key, [i]);
      }
  }
  return {
    id,
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    cum,
    length: n > 0 ? cum[n - 1]! : 0,
    grid,
  };
}

function projectOnSegment(shape: ShapeLine, i: number, x: number, y: number): ShapeProjection {
  const ax = shape.xs[i]!;
  const ay = shape.ys[i]!;
  const dx = shape.xs[i + 1]! - ax;
  const dy = shape.ys[i + 1]! - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / len2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const px = ax + t * dx;
  const py = ay + t * dy;
  return {
    along: shape.cum[i]! + t * (shape.cum[i + 1]! - shape.cum[i]!),
    offset: Math.hypot(x - px, y - py),
    segment: i,
  };
}

/** Index of the segment holding `along` (binary search on the cumulative distances). */
export function segmentAt(shape: ShapeLine, along: number): number {
  let lo = 0;
  let hi = shape.cum.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shape.cum[mid]! <= along) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Nearest point restricted to [fromAlong, toAlong]: the tracking step, a handful of segments per fix. */
export function nearestInRange(
  shape: ShapeLine,
  x: number,
  y: number,
  fromAlong: number,
  toAlong: number,
): ShapeProjection | null {
  if (shape.cum.length < 2) return null;
  const first = segmentAt(shape, Math.max(0, fromAlong));
  const last = segmentAt(shape, Math.min(shape.length, toAlong));
  let best: ShapeProjection | null = null;
  for (let i = first; i <= last; i++) {
    const p = projectOnSegment(shape, i, x, y);
    if (!best || p.offset < best.offset) best = p;
  }
  if (best) best.along = Math.min(Math.max(best.along, fromAlong), toAlong);
  return best;
}

/**
 * Every local nearest point within `radius` (one per run of consecutive segments), so a loop or an out-and-back
 * shape offers each of its passes and the caller picks by schedule.
 */
export function projectionsNear(shape: ShapeLine, x: number, y: number, radius: number): ShapeProjection[] {
  const segments = new Set<number>();
  const x0 = Math.floor((x - radius) / CELL_M);
  const x1 = Math.floor((x + radius) / CELL_M);
  const y0 = Math.floor((y - radius) / CELL_M);
  const y1 = Math.floor((y + radius) / CELL_M);
  for (let cx = x0; cx <= x1; cx++)
    for (let cy = y0; cy <= y1; cy++) for (const i of shape.grid.get(cellKey(cx, cy)) ?? []) segments.add(i);
  const sorted = [...segments].sort((a, b) => a - b);
  const out: ShapeProjection[] = [];
  let run: ShapeProjection | null = null;
  let previous = -2;
  for (const i of sorted) {
    const p = projectOnSegment(shape, i, x, y);
    if (p.offset > radius) {
      previous = -2;
      continue;
    }
    if (run && i === previous + 1) {
      if (p.offset < run.offset) Object.assign(run, p);
    } else {
      run = p;
      out.push(run);
    }
    previous = i;
  }
  return out;
}

/** Direction of the shape at `along`, degrees clockwise from north. */
export function bearingAt(shape: ShapeLine, along: number): number {
  const i = segmentAt(shape, along);
  const dx = shape.xs[i + 1]! - shape.xs[i]!;
  const dy = shape.ys[i + 1]! - shape.ys[i]!;
  return ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
}

export function pointAt(shape: ShapeLine, along: number): [number, number] {
  const i = segmentAt(shape, along);
  const span = shape.cum[i + 1]! - shape.cum[i]!;
  const t = span > 0 ? Math.min(1, Math.max(0, (along - shape.cum[i]!) / span)) : 0;
  return [
    shape.xs[i]! + t * (shape.xs[i + 1]! - shape.xs[i]!),
    shape.ys[i]! + t * (shape.ys[i + 1]! - shape.ys[i]!),
  ];
}
