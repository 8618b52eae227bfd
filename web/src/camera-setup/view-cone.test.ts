import { describe, expect, it } from 'vitest';
import { bearingDeg, groundDistanceM } from '@toc/server/geometry/local-metres';
import { viewCone } from './view-cone';

describe('camera view cone', () => {
  it('opens from the camera along its heading, as wide as its field of view and as long as asked', () => {
    const camera = { lon: 101.05359, lat: 13.70724 };
    const ring = viewCone(camera, 80, 60, 120, 6).geometry.coordinates[0]!;
    expect(ring).toHaveLength(6 + 3);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const at = (i: number) => ({ lon: ring[i]![0]!, lat: ring[i]![1]! });
    expect(bearingDeg(camera, at(1))).toBeCloseTo(50, 1);
    expect(bearingDeg(camera, at(4))).toBeCloseTo(80, 1);
    expect(bearingDeg(camera, at(7))).toBeCloseTo(110, 1);
    for (let i = 1; i <= 7; i++) expect(groundDistanceM(camera, at(i))).toBeCloseTo(120, 0);
  });
});
