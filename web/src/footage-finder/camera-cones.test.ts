// Small tests for the finder's wedges and place circle, measured with haversine distances and bearings.
import { describe, expect, it } from 'vitest';
import type { FootageSearch, FoundCamera } from '@toc/server/schemas';
import {
  CONE_MAX_M,
  CONE_MIN_M,
  cameraCone,
  cameraCones,
  coneLengthM,
  finderBounds,
  placeArea,
} from './camera-cones';

const rad = Math.PI / 180;
const R = 6_371_008.8;

function distanceM(a: number[], b: number[]): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

function bearingDeg(a: number[], b: number[]): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const y = Math.sin((lon2 - lon1) * rad) * Math.cos(lat2 * rad);
  const x =
    Math.cos(lat1 * rad) * Math.sin(lat2 * rad) -
    Math.sin(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos((lon2 - lon1) * rad);
  return (((Math.atan2(y, x) / rad) % 360) + 360) % 360;
}

const angleGap = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

const place = { lon: 101.0757, lat: 13.6786 };

function camera(part: Partial<FoundCamera>): FoundCamera {
  return {
    cameraId: 1,
    name: 'Bridge',
    nameTh: 'สะพาน',
    enabled: true,
    status: 'online',
    location: { lon: 101.0747, lat: 13.6786 },
    headingDeg: 90,
    fovDeg: 60,
    calibrated: false,
    rank: 1,
    score: 0.8,
    basis: 'field-of-view',
    distanceM: 108,
    bearingOffDeg: 0,
    viewShare: 1,
    imagePoint: null,
    reason: '',
    reasonTh: '',
    coverage: { spans: [], gaps: [], coveredSeconds: 0, fraction: 0 },
    eventIds: [],
    ...part,
  };
}

describe('coneLengthM', () => {
  it('reaches a little past the place', () => {
    expect(coneLengthM(100)).toBeCloseTo(125);
  });

  it('stays between 80 and 150 m', () => {
    expect(coneLengthM(5)).toBe(CONE_MIN_M);
    expect(coneLengthM(900)).toBe(CONE_MAX_M);
    expect(coneLengthM(Number.NaN)).toBe(CONE_MAX_M);
  });
});

describe('cameraCone', () => {
  it('is a closed ring from the camera whose arc lies at the drawing length', () => {
    const cone = cameraCone(camera({ distanceM: 100 }));
    const ring = cone.geometry.coordinates[0]!;
    const apex = [101.0747, 13.6786];
    expect(ring[0]).toEqual(apex);
    expect(ring[ring.length - 1]).toEqual(apex);
    for (const vertex of ring.slice(1, -1)) expect(Math.abs(distanceM(apex, vertex) - 125)).toBeLessThan(0.5);
  });

  it('opens from heading − fov/2 to heading + fov/2', () => {
    const ring = cameraCone(camera({ headingDeg: 350, fovDeg: 40 })).geometry.coordinates[0]!;
    const arc = ring.slice(1, -1);
    expect(angleGap(bearingDeg(ring[0]!, arc[0]!), 330)).toBeLessThan(0.2);
    expect(angleGap(bearingDeg(ring[0]!, arc[arc.length - 1]!), 10)).toBeLessThan(0.2);
  });

  it('carries the camera id as feature id (for highlighting) and its rank and basis', () => {
    const cone = cameraCone(camera({ cameraId: 7, rank: 3, basis: 'calibration' }));
    expect(cone.id).toBe(7);
    expect(cone.properties).toEqual({ cameraId: 7, rank: 3, basis: 'calibration' });
  });

  it('covers the place when the camera faces it', () => {
    const ring = cameraCone(camera({})).geometry.coordinates[0]!;
    const bearings = ring.slice(1, -1).map((v) => bearingDeg(ring[0]!, v));
    const toPlace = bearingDeg(ring[0]!, [place.lon, place.lat]);
    expect(Math.min(...bearings)).toBeLessThan(toPlace);
    expect(Math.max(...bearings)).toBeGreaterThan(toPlace);
    expect(distanceM(ring[0]!, [place.lon, place.lat])).toBeLessThan(coneLengthM(108));
  });
});

describe('cameraCones', () => {
  it('puts the best rank last, drawn on top', () => {
    const cones = cameraCones([camera({ cameraId: 1, rank: 1 }), camera({ cameraId: 2, rank: 2 })]);
    expect(cones.features.map((f) => f.id)).toEqual([2, 1]);
  });
});

describe('placeArea and finderBounds', () => {
  const search: FootageSearch = {
    place,
    uncertaintyM: 50,
    radiusM: 400,
    from: '2025-11-22T07:00:00Z',
    to: '2025-11-22T07:10:00Z',
    cameras: [camera({})],
    events: [
      {
        id: 9,
        type: 'traffic.accident',
        severity: 'high',
        status: 'open',
        cameraId: 1,
        location: { lon: 101.08, lat: 13.69 },
        startedAt: '2025-11-22T07:03:00Z',
        endedAt: null,
        distanceM: 1300,
      },
    ],
  };

  it('draws the uncertainty as a circle of that radius, an exact place as a point', () => {
    const area = placeArea(search).geometry;
    expect(area.type).toBe('Polygon');
    if (area.type === 'Polygon') {
      for (const vertex of area.coordinates[0]!) {
        expect(Math.abs(distanceM([place.lon, place.lat], vertex) - 50)).toBeLessThan(0.5);
      }
    }
    expect(placeArea({ place, uncertaintyM: 0 }).geometry).toEqual({
      type: 'Point',
      coordinates: [101.0757, 13.6786],
    });
  });

  it('bounds the circle, the wedges and the events', () => {
    const [west, south, east, north] = finderBounds(search);
    expect(west).toBeLessThanOrEqual(101.0747);
    expect(east).toBeGreaterThanOrEqual(101.08);
    expect(north).toBeGreaterThanOrEqual(13.69);
    expect(south).toBeLessThan(place.lat);
  });
});
