import type { Zone } from '@toc/server/schemas';
import { describe, expect, it } from 'vitest';
import { groundContact, toPixelScene, zonesAt } from './scene';
import { testScene } from './scenarios/harness';
import { CROWD_ZONE_ID, ROAD_ZONE_ID, SIDEWALK_ZONE_ID } from './scenarios/test-scene';

describe('pixel scene', () => {
  it('scales polygons and lines to the frame and takes areas from the calibration', () => {
    const scene = testScene();
    const road = scene.zones.find((z) => z.id === ROAD_ZONE_ID)!;
    expect(road.polygon[0]![1]).toBeCloseTo(252);
    expect(road.polygon[2]![0]).toBeCloseTo(1280);
    expect(road.polygon[2]![1]).toBeCloseTo(612);
    expect(road.direction).toEqual([1, 0]);
    expect(road.areaM2).toBeNull();
    expect(scene.zones.find((z) => z.id === CROWD_ZONE_ID)).toMatchObject({
      areaM2: 100,
      alertAbove: 0.15,
      clearBelow: 0.08,
    });
    const line = scene.lines[0]!;
    expect([...line.a, ...line.b].map((v) => Math.round(v * 1e6) / 1e6)).toEqual([640, 612, 640, 252]);
  });

  it('scales a direction in normalised coordinates by the aspect ratio before normalising it', () => {
    const zone: Zone = {
      id: 9,
      cameraId: 1,
      kind: 'roadway',
      name: 'diagonal',
      nameTh: 'แนวทแยง',
      polygon: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
      direction: [1, 1],
    };
    const [dx, dy] = toPixelScene([zone], [], 1600, 900, new Map([[9, 50]])).zones[0]!.direction!;
    expect(Math.hypot(dx, dy)).toBeCloseTo(1);
    expect(dy / dx).toBeCloseTo(900 / 1600);
    expect(toPixelScene([zone], [], 1600, 900, new Map([[9, 50]])).zones[0]!.areaM2).toBe(50);
  });

  it('gives no direction to non-roadway zones or a zero vector', () => {
    const zone: Zone = {
      id: 1,
      cameraId: 1,
      kind: 'roadway',
      name: 'r',
      nameTh: 'r',
      polygon: [
        [0, 0],
        [1, 0],
        [1, 1],
      ],
      direction: [0, 0],
    };
    expect(toPixelScene([zone], [], 100, 100).zones[0]!.direction).toBeNull();
    expect(
      toPixelScene([{ ...zone, kind: 'sidewalk', direction: [1, 0] }], [], 100, 100).zones[0]!.direction,
    ).toBeNull();
  });

  it('takes the bottom centre of a box as its ground contact', () => {
    expect(groundContact([100, 200, 140, 260])).toEqual([120, 260]);
  });

  it('finds the zones under a point, optionally of one kind', () => {
    const scene = testScene();
    expect(zonesAt(scene, [300, 420]).map((z) => z.id)).toEqual([ROAD_ZONE_ID]);
    expect(zonesAt(scene, [300, 680]).map((z) => z.id)).toEqual([SIDEWALK_ZONE_ID]);
    expect(zonesAt(scene, [300, 680], 'roadway')).toEqual([]);
    expect(zonesAt(scene, [900, 150], 'crowd_area').map((z) => z.id)).toEqual([CROWD_ZONE_ID]);
    expect(zonesAt(scene, [100, 100])).toEqual([]);
  });
});
