import { describe, expect, it } from 'vitest';
import type { CalibrationPair, LonLat } from '../schemas';
import {
  calibrate,
  groundToImage,
  imageToGround,
  polygonGroundAreaM2,
  type CalibrateResult,
} from './calibration';
import type { Vec2 } from './homography';
import { fromLocalMetres, groundDistanceM } from './local-metres';

/** A camera post near Chachoengsao, the origin of the synthetic scene's metres. */
const SITE: LonLat = { lon: 101.07, lat: 13.69 };

type V3 = [number, number, number];
const add = (a: V3, b: V3, k = 1): V3 => [a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Pinhole camera over flat ground: position in east/north/up metres, heading from north, pitch below horizontal. */
function camera(opts: { at: V3; headingDeg: number; pitchDeg: number; fx?: number; fy?: number }) {
  const { at, headingDeg, pitchDeg, fx = 0.8, fy = 1.42 } = opts;
  const yaw = (headingDeg * Math.PI) / 180;
  const pitch = (pitchDeg * Math.PI) / 180;
  const forward: V3 = [Math.sin(yaw) * Math.cos(pitch), Math.cos(yaw) * Math.cos(pitch), -Math.sin(pitch)];
  const right: V3 = [Math.cos(yaw), -Math.sin(yaw), 0];
  // Image y runs down: down = forward × right.
  const down: V3 = [
    forward[1] * right[2] - forward[2] * right[1],
    forward[2] * right[0] - forward[0] * right[2],
    forward[0] * right[1] - forward[1] * right[0],
  ];
  return {
    /** Ground metres [east, north] seen at an image point (the ray must point below the horizon). */
    toGround([x, y]: Vec2): [number, number] {
      const ray = add(add(forward, right, (x - 0.5) / fx), down, (y - 0.5) / fy);
      if (ray[2] >= 0) throw new Error('ray above the horizon');
      const hit = add(at, ray, -at[2] / ray[2]);
      return [hit[0], hit[1]];
    },
    toImage([e, n]: Vec2): [number, number] {
      const rel: V3 = [e - at[0], n - at[1], -at[2]];
      const z = dot(rel, forward);
      return [0.5 + (fx * dot(rel, right)) / z, 0.5 + (fy * dot(rel, down)) / z];
    },
  };
}

const cam = camera({ at: [3, -5, 8], headingDeg: 20, pitchDeg: 25 });
const lonLatAt = (p: Vec2): LonLat => fromLocalMetres(SITE, cam.toGround(p));
const pairAt = (image: [number, number]): CalibrationPair => ({ image, ground: lonLatAt(image) });

const CLICKS: [number, number][] = [
  [0.1, 0.9],
  [0.9, 0.88],
  [0.75, 0.35],
  [0.3, 0.3],
  [0.5, 0.6],
  [0.15, 0.55],
];

function expectOk(result: CalibrateResult) {
  if (!result.ok) throw new Error(`expected a calibration, got: ${result.reason}`);
  return result;
}
function expectRejected(result: CalibrateResult, reason: RegExp) {
  if (result.ok) throw new Error('expected a rejection');
  expect(result.reason).toMatch(reason);
  expect(result.reasonTh).toMatch(/[\u0E00-\u0E7F]/);
}

describe('calibrate on a synthetic camera', () => {
  const result = expectOk(calibrate(CLICKS.map(pairAt)));

  it('reprojects its own pairs with sub-centimetre error', () => {
    expect(result.error.perPairM).toHaveLength(CLICKS.length);
    expect(result.error.maxM).toBeLessThan(0.01);
    expect(result.error.meanM).toBeLessThanOrEqual(result.error.maxM);
  });

  it('puts the origin at the centroid of the ground points', () => {
    const grounds = CLICKS.map(lonLatAt);
    expect(result.origin.lon).toBeCloseTo(grounds.reduce((s, g) => s + g.lon, 0) / grounds.length, 10);
    expect(result.origin.lat).toBeCloseTo(grounds.reduce((s, g) => s + g.lat, 0) / grounds.length, 10);
  });

  it('maps other image points to the true ground place within a centimetre', () => {
    for (const p of [
      [0.5, 0.5],
      [0.02, 0.98],
      [0.98, 0.2],
      [0.4, 0.75],
    ] as [number, number][]) {
      const g = imageToGround(result, p);
      expect(g).not.toBeNull();
      expect(groundDistanceM(g!, lonLatAt(p))).toBeLessThan(0.01);
    }
  });

  it('maps ground back to the image', () => {
    const back = groundToImage(result, lonLatAt([0.62, 0.41]));
    expect(back![0]).toBeCloseTo(0.62, 6);
    expect(back![1]).toBeCloseTo(0.41, 6);
  });

  it('gives null above the horizon', () => {
    const wide = camera({ at: [0, 0, 8], headingDeg: 0, pitchDeg: 8 });
    // Clicks squeezed into the lower half of the frame, which is where this camera sees the ground.
    const pairs = CLICKS.map(([x, y]): CalibrationPair => {
      const image: [number, number] = [x, 0.5 + y / 2];
      return { image, ground: fromLocalMetres(SITE, wide.toGround(image)) };
    });
    const calib = expectOk(calibrate(pairs));
    // Horizon of that camera sits at y = 0.5 − 1.42·tan 8° ≈ 0.30.
    expect(imageToGround(calib, [0.5, 0.1])).toBeNull();
    expect(imageToGround(calib, [0.5, 0.45])).not.toBeNull();
    // A ground point behind the camera is not in the image.
    expect(groundToImage(calib, fromLocalMetres(SITE, [0, -20]))).toBeNull();
  });

  it('measures a polygon on the ground', () => {
    // A 10 m × 6 m rectangle on the ground, drawn in the image through the camera.
    const corners: Vec2[] = [
      [-2, 15],
      [8, 15],
      [8, 21],
      [-2, 21],
    ];
    const ring = corners.map((c) => cam.toImage(c));
    expect(polygonGroundAreaM2(result, ring)).toBeCloseTo(60, 2);
    expect(polygonGroundAreaM2(result, ring.slice(0, 2))).toBeNull();
  });

  it('reports a non-zero error for noisy pairs', () => {
    let seed = 7;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.6; // ±0.3 m
    const noisy = CLICKS.map((image) => ({
      image,
      ground: fromLocalMetres(SITE, cam.toGround(image).map((v) => v + noise()) as [number, number]),
    }));
    const fit = expectOk(calibrate(noisy));
    expect(fit.error.meanM).toBeGreaterThan(0.01);
    expect(fit.error.maxM).toBeLessThan(1);
    expect(fit.error.maxM).toBeGreaterThanOrEqual(fit.error.meanM);
  });

  it('accepts exactly four pairs and fits them exactly', () => {
    const four = expectOk(calibrate(CLICKS.slice(0, 4).map(pairAt)));
    expect(four.error.maxM).toBeLessThan(0.01);
  });
});

describe('calibrate rejects', () => {
  const good = CLICKS.map(pairAt);

  it('fewer than four pairs', () => expectRejected(calibrate(good.slice(0, 3)), /At least 4/));

  it('a repeated image point', () => {
    const pairs = [...good.slice(0, 4), { image: good[1]!.image, ground: lonLatAt([0.6, 0.6]) }];
    expectRejected(calibrate(pairs), /Pairs 2 and 5 use the same image point/);
  });

  it('a repeated ground point', () => {
    const pairs = [...good.slice(0, 4), { image: [0.6, 0.6] as [number, number], ground: good[2]!.ground }];
    expectRejected(calibrate(pairs), /Pairs 3 and 5 use the same ground point/);
  });

  it('all image points on one line', () => {
    const line = [0.1, 0.3, 0.5, 0.7, 0.9].map((t) => pairAt([t, 0.2 + 0.6 * t]));
    expectRejected(calibrate(line), /All image points lie on one line/);
  });

  it('all ground points on one line', () => {
    const pairs = good.map((p, i) => ({
      image: p.image,
      ground: fromLocalMetres(SITE, [i * 4, 10 + i * 3]),
    }));
    expectRejected(calibrate(pairs), /All ground points lie on one line/);
  });

  it('three of four points in line', () => {
    const pairs = (
      [
        [0.1, 0.9],
        [0.5, 0.6],
        [0.9, 0.3],
        [0.2, 0.3],
      ] as [number, number][]
    ).map(pairAt);
    expectRejected(calibrate(pairs), /pairs 1, 2 and 3 lie on one line/);
  });

  it('four of five points in line (ill-conditioned)', () => {
    const pairs = (
      [
        [0.1, 0.9],
        [0.3, 0.75],
        [0.5, 0.6],
        [0.7, 0.45],
        [0.2, 0.3],
      ] as [number, number][]
    ).map(pairAt);
    expectRejected(calibrate(pairs), /do not pin down the ground plane/);
  });

  it('a mirrored (orientation-flipped) set of pairs', () => {
    const mirrored = good.map((p) => ({
      image: [1 - p.image[0], p.image[1]] as [number, number],
      ground: p.ground,
    }));
    expectRejected(calibrate(mirrored), /mirror image/);
  });

  it('pairs that put a point beyond the horizon', () => {
    // A convex image quadrilateral matched to ground points where the fourth sits inside the other three's
    // triangle: only a homography whose horizon crosses the quadrilateral can do that.
    const image: [number, number][] = [
      [0.1, 0.9],
      [0.9, 0.9],
      [0.9, 0.2],
      [0.1, 0.2],
    ];
    const ground: Vec2[] = [
      [-10, 10],
      [10, 10],
      [0, 40],
      [0, 20],
    ];
    const pairs = image.map((im, i) => ({ image: im, ground: fromLocalMetres(SITE, ground[i]!) }));
    expectRejected(calibrate(pairs), /beyond the horizon/);
  });

  it('a non-finite coordinate', () => {
    const pairs = [...good.slice(0, 4), { image: [Number.NaN, 0.5] as [number, number], ground: SITE }];
    expectRejected(calibrate(pairs), /not a number/);
  });
});
