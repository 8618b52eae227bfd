import { describe, expect, it } from 'vitest';
import { circleRing } from './circle';

/** Haversine distance in metres, independent of the code under test. */
function distanceM(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('circle ring', () => {
  it('puts every vertex 10 km from the centre (within 0.5 %) and closes the ring', () => {
    const centre = { lon: 101.72, lat: 13.43 };
    const ring = circleRing(centre, 10_000);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    for (const vertex of ring) expect(Math.abs(distanceM([centre.lon, centre.lat], vertex) - 10_000)).toBeLessThan(50);
  });
});
