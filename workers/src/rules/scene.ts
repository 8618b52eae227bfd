// A camera's zones and counting lines in source pixels for one frame size, and where a box touches the ground.
import { pointInPolygon } from '@toc/server/geometry/plane';
import type { CountingLine, Zone, ZoneKind } from '@toc/server/schemas';
import type { Box } from '../pipeline/types';

export type Pixel = [number, number];

export interface PixelZone {
  id: number;
  kind: ZoneKind;
  name: string;
  nameTh: string;
  polygon: Pixel[];
  /** Roadway only: unit vector of the permitted direction of travel in pixels, or null. */
  direction: Pixel | null;
  alertAbove: number | null;
  clearBelow: number | null;
  /** Ground area from the calibration; null when the camera is not calibrated. */
  areaM2: number | null;
  /** Mean of the vertices, used as the image point of zone-wide signals. */
  centroid: Pixel;
}

export interface PixelLine {
  id: number;
  name: string;
  nameTh: string;
  a: Pixel;
  b: Pixel;
}

export interface PixelScene {
  width: number;
  height: number;
  zones: PixelZone[];
  lines: PixelLine[];
}

export type AreaByZoneId = ReadonlyMap<number, number> | Readonly<Record<number, number>>;

const areaOf = (areas: AreaByZoneId, id: number): number | null => {
  const value = areas instanceof Map ? areas.get(id) : (areas as Readonly<Record<number, number>>)[id];
  return typeof value === 'number' && value > 0 ? value : null;
};

/**
 * The zone direction is given in normalised image coordinates like the polygon, so it is scaled by the
 * frame size before normalising (a diagonal stays on the same road when the aspect ratio is not 1).
 */
function pixelDirection(direction: Zone['direction'], width: number, height: number): Pixel | null {
  if (!direction) return null;
  const dx = direction[0] * width;
  const dy = direction[1] * height;
  const length = Math.hypot(dx, dy);
  return length > 0 ? [dx / length, dy / length] : null;
}

export function toPixelScene(
  zones: readonly Zone[],
  lines: readonly CountingLine[],
  width: number,
  height: number,
  areaM2ByZoneId: AreaByZoneId = {},
): PixelScene {
  const toPixel = ([x, y]: readonly [number, number]): Pixel => [x * width, y * height];
  return {
    width,
    height,
    zones: zones.map((zone) => {
      const polygon = zone.polygon.map(toPixel);
      const centroid: Pixel = [
        polygon.reduce((sum, p) => sum + p[0], 0) / polygon.length,
        polygon.reduce((sum, p) => sum + p[1], 0) / polygon.length,
      ];
      return {
        id: zone.id,
        kind: zone.kind,
        name: zone.name,
        nameTh: zone.nameTh,
        polygon,
        direction: zone.kind === 'roadway' ? pixelDirection(zone.direction, width, height) : null,
        alertAbove: zone.alertAbove ?? null,
        clearBelow: zone.clearBelow ?? null,
        areaM2: areaOf(areaM2ByZoneId, zone.id),
        centroid,
      };
    }),
    lines: lines.map((line) => ({
      id: line.id,
      name: line.name,
      nameTh: line.nameTh,
      a: toPixel(line.points[0]),
      b: toPixel(line.points[1]),
    })),
  };
}

/** Bottom centre of the box: where a vehicle or a standing person touches the road. */
export const groundContact = (box: Box): Pixel => [(box[0] + box[2]) / 2, box[3]];

export function zonesAt(scene: PixelScene, point: Pixel, kind?: ZoneKind): PixelZone[] {
  return scene.zones.filter(
    (zone) => (kind === undefined || zone.kind === kind) && pointInPolygon(point, zone.polygon),
  );
}

/** Distance in pixels from `point` to the nearest edge of the polygon (inside or out). */
export function distanceToEdge(point: Pixel, polygon: readonly Pixel[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < polygon.length; i++) {
    const [ax, ay] = polygon[i]!;
    const [bx, by] = polygon[(i + 1) % polygon.length]!;
    const lengthSq = (bx - ax) ** 2 + (by - ay) ** 2;
    const along = lengthSq > 0 ? ((point[0] - ax) * (bx - ax) + (point[1] - ay) * (by - ay)) / lengthSq : 0;
    const k = Math.min(1, Math.max(0, along));
    best = Math.min(best, Math.hypot(point[0] - (ax + k * (bx - ax)), point[1] - (ay + k * (by - ay))));
  }
  return best;
}
