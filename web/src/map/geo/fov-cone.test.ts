// Small tests for the field-of-view wedge, checked with haversine distances and bearings computed independently.
import { describe, expect, it } from 'vitest';
import { fovCone } from './fov-cone';

const rad = Math.PI / 180;
const R = 6_371_008.8;

function distanceM(a: number[], b: number[]): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

/** Initial great-circle bearing, degrees clockwise from north in [0, 360). */
function bearingDeg(a: number[], b: number[]): number {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const y = Math.sin((lon2 - lon1) * rad) * Math.cos(lat2 * rad);
  const x = Math.cos(lat1 * rad) * Math.sin(lat2 * rad) - Math.sin(lat1 * rad) * Math.cos(lat2 * rad) * Math.cos((lon2 - lon1) * rad);
  return ((Math.atan2(y, x) / rad) % 360 + 360) % 360;
}

const angleGap = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);
const camera = { lon: 101.0757, lat: 13.6786 };

describe('fovCone', () => {
  it('is a closed ring from the camera whose arc lies at the drawing range', () => {
    const ring = fovCone(camera, 80, 60, 300);
    expect(ring[0]).toEqual([camera.lon, camera.lat]);
    expect(ring[ring.length - 1]).toEqual([camera.lon, camera.lat]);
    const arc = ring.slice(1, -1);
    expect(arc.length).toBeGreaterThanOrEqual(3);
    for (const vertex of arc) expect(Math.abs(distanceM(ring[0]!, vertex) - 300)).toBeLessThan(1.5);
  });

  it('opens from heading − fov/2 to heading + fov/2, clockwise', () => {
    const ring = fovCone(camera, 80, 60, 300);
    const arc = ring.slice(1, -1);
    expect(angleGap(bearingDeg(ring[0]!, arc[0]!), 50)).toBeLessThan(0.2);
    expect(angleGap(bearingDeg(ring[0]!, arc[arc.length - 1]!), 110)).toBeLessThan(0.2);
    const middle = arc[Math.floor(arc.length / 2)]!;
    expect(angleGap(bearingDeg(ring[0]!, middle), 80)).toBeLessThan(0.2);
  });

  it('wraps across north: a camera looking north-north-west sees both sides of 0°', () => {
    const ring = fovCone(camera, 350, 60, 200);
    const arc = ring.slice(1, -1);
    expect(angleGap(bearingDeg(ring[0]!, arc[0]!), 320)).toBeLessThan(0.2);
    expect(angleGap(bearingDeg(ring[0]!, arc[arc.length - 1]!), 20)).toBeLessThan(0.2);
    // Every arc vertex is north of the camera: the wedge did not flip to the south.
    for (const vertex of arc) expect(vertex[1]).toBeGreaterThan(camera.lat);
  });

  it('draws a wider arc with more vertices', () => {
    expect(fovCone(camera, 0, 180, 100).length).toBeGreaterThan(fovCone(camera, 0, 30, 100).length);
  });
});
