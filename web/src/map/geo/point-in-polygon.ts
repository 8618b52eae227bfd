// Whether a point lies inside a (multi)polygon, holes respected: even-odd ray casting over every ring.
import type { MultiPolygon, Polygon, Position } from 'geojson';

function crossesRing([x, y]: readonly number[], ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInPolygon(point: readonly number[], geometry: Polygon | MultiPolygon): boolean {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // Even-odd over all rings: a point in a hole crosses the outer ring and the hole, and comes out "outside".
  return polygons.some((rings) => rings.reduce((inside, ring) => (crossesRing(point, ring) ? !inside : inside), false));
}
