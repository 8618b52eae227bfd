// Ranking cameras by distance, with the alarm's own camera first.
import { describe, expect, it } from 'vitest';
import type { Camera } from '@toc/server/schemas';
import { distanceM, nearestCameras } from './nearest-cameras';

const camera = (id: number, lon: number, lat: number, enabled = true) => ({ id, enabled, location: { lon, lat } }) as Camera;

describe('nearestCameras', () => {
  it('measures about 111 km per degree of latitude', () => {
    expect(distanceM({ lon: 101, lat: 13 }, { lon: 101, lat: 14 })).toBeCloseTo(111_195, -2);
  });

  it('ranks enabled cameras by distance, the alarm camera first, up to the limit', () => {
    const cameras = [camera(1, 101.3, 13.7), camera(2, 101.01, 13.7), camera(3, 101.0, 13.7, false), camera(4, 101.1, 13.7)];
    const point = { lon: 101.0, lat: 13.7 };
    expect(nearestCameras(cameras, point, 2).map((c) => c.id)).toEqual([2, 4]);
    expect(nearestCameras(cameras, point, 2, 1).map((c) => c.id)).toEqual([1, 2]);
  });
});
