// Assembles shapes.txt points into one line per shape, ordered by shape_pt_sequence, with cumulative metres.
import { cumulativeDistances, type LonLat } from './geodesy';
import type { Rejection } from './gtfs-fields';

export interface ShapePoint {
  sequence: number;
  lon: number;
  lat: number;
  line: number;
}

export interface BuiltShape {
  shapeId: string;
  points: LonLat[];
  distM: number[];
  lengthM: number;
}

/** A shape needs two distinct positions to be a line; a lone point is refused at the line of its first row. */
export function buildShape(
  shapeId: string,
  points: ShapePoint[],
): { shape: BuiltShape } | { line: number; rejection: Rejection } {
  const ordered = [...points].sort((a, b) => a.sequence - b.sequence);
  const coords: LonLat[] = [];
  for (const p of ordered) {
    const last = coords.at(-1);
    // Repeated positions add nothing and make zero-length segments that confuse progress along the line.
    if (!last || last[0] !== p.lon || last[1] !== p.lat) coords.push([p.lon, p.lat]);
  }
  if (coords.length < 2) {
    return {
      line: Math.min(...points.map((p) => p.line)),
      rejection: {
        reason: `shape ${shapeId} has fewer than 2 distinct points`,
        reasonTh: `รูปเส้นทาง ${shapeId} มีจุดไม่ถึง 2 จุด`,
      },
    };
  }
  const distM = cumulativeDistances(coords);
  return { shape: { shapeId, points: coords, distM, lengthM: distM.at(-1)! } };
}

/** WKT for ST_GeomFromText: passed as a query parameter, never spliced into SQL. */
export const lineStringWkt = (points: readonly LonLat[]): string =>
  `LINESTRING(${points.map(([lon, lat]) => `${lon} ${lat}`).join(',')})`;
