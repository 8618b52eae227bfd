// Picks a point inside a polygon for its label: the middle of the widest span across its largest part.
import type { Geometry, Position } from 'geojson';

function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return Math.abs(sum / 2);
}

function largestOuterRing(geometry: Geometry): Position[] | null {
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let best: Position[] | null = null;
  let bestArea = -1;
  for (const polygon of polygons) {
    const outer = polygon[0];
    if (!outer || outer.length < 4) continue;
    const area = ringArea(outer);
    if (area > bestArea) {
      best = outer;
      bestArea = area;
    }
  }
  return best;
}

/** Crossings of the horizontal line `y` with the ring's edges, sorted by x. */
function crossings(ring: Position[], y: number): number[] {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
  }
  return xs.sort((a, b) => a - b);
}

export function labelPoint(geometry: Geometry): [number, number] | null {
  const ring = largestOuterRing(geometry);
  if (!ring) return null;
  const ys = ring.map((p) => p[1] ?? 0);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  let best: [number, number] | null = null;
  let bestWidth = -1;
  // A few scanlines around the middle; the widest inside span wins.
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const y = minY + (maxY - minY) * t;
    const xs = crossings(ring, y);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const a = xs[k] ?? 0;
      const b = xs[k + 1] ?? 0;
      // Prefer the middle scanline unless another is clearly wider.
      const width = (b - a) * (t === 0.5 ? 1.25 : 1);
      if (width > bestWidth) {
        bestWidth = width;
        best = [(a + b) / 2, y];
      }
    }
  }
  return best;
}
