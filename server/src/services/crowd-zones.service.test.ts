// Small tests for projecting a crowd zone onto the ground through a calibration.
import { describe, expect, it } from 'vitest';
import { calibrate } from '../geometry/calibration';
import { fromLocalMetres, groundDistanceM } from '../geometry/local-metres';
import type { CrowdZoneRow } from '../repositories/crowd-zones.repository';
import { crowdZoneFeature } from './crowd-zones.service';

const origin = { lon: 101.0757, lat: 13.6786 };
/** A camera looking straight down at a 40 m × 20 m plaza: image x → east, image y → south. */
const fit = calibrate(
  [
    [0, 0, -20, 10],
    [1, 0, 20, 10],
    [1, 1, 20, -10],
    [0, 1, -20, -10],
    [0.5, 0.5, 0, 0],
  ].map(([x, y, e, n]) => ({ image: [x!, y!] as [number, number], ground: fromLocalMetres(origin, [e!, n!]) })),
);
if (!fit.ok) throw new Error(fit.reason);

const now = Date.parse('2025-06-01T10:00:00Z');
const row = (overrides: Partial<CrowdZoneRow> = {}): CrowdZoneRow => ({
  zoneId: 7,
  cameraId: 3,
  name: 'Plaza',
  nameTh: 'ลาน',
  polygon: [
    [0, 0],
    [0.5, 0],
    [0.5, 0.5],
    [0, 0.5],
  ],
  alertAbove: 0.2,
  homography: fit.homography,
  origin: fit.origin,
  at: new Date(now - 30_000),
  countMean: 40,
  countMax: 44,
  density: null,
  ...overrides,
});

describe('crowdZoneFeature', () => {
  it('projects the image polygon to a closed ground ring and measures its area', () => {
    const feature = crowdZoneFeature(row(), now)!;
    const ring = feature.geometry.coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    // The zone is the plaza's north-west quarter: 20 m × 10 m.
    const corner = { lon: ring[0]![0], lat: ring[0]![1] };
    expect(groundDistanceM(corner, fromLocalMetres(origin, [-20, 10]))).toBeLessThan(0.05);
    expect(feature.properties.areaM2).toBeCloseTo(200, 0);
  });

  it('gives density per m² from the count when the sample has none, and keeps a stored one', () => {
    expect(crowdZoneFeature(row(), now)!.properties.density).toBeCloseTo(0.2, 3);
    expect(crowdZoneFeature(row({ density: 0.35 }), now)!.properties.density).toBe(0.35);
    const empty = crowdZoneFeature(row({ at: null, countMean: null, countMax: null }), now)!.properties;
    expect(empty).toMatchObject({ count: null, density: null, at: null, stale: true });
  });

  it('marks an old sample stale', () => {
    expect(crowdZoneFeature(row(), now)!.properties.stale).toBe(false);
    expect(crowdZoneFeature(row({ at: new Date(now - 6 * 60_000) }), now)!.properties.stale).toBe(true);
  });

  it('leaves out a zone that reaches beyond the horizon', () => {
    // A road camera: the top of the picture is sky, so a zone drawn there has no ground shape.
    const road = calibrate(
      [
        [0.2, 0.9, -4, 5],
        [0.8, 0.9, 4, 5],
        [0.4, 0.5, -4, 25],
        [0.6, 0.5, 4, 25],
        [0.5, 0.7, 0, 10],
      ].map(([x, y, e, n]) => ({ image: [x!, y!] as [number, number], ground: fromLocalMetres(origin, [e!, n!]) })),
    );
    if (!road.ok) throw new Error(road.reason);
    const sky = row({ homography: road.homography, origin: road.origin, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]] });
    expect(crowdZoneFeature(sky, now)).toBeNull();
  });
});
