import { describe, expect, it } from 'vitest';
import type { CameraSceneInput, CountingLineInput, ZoneInput } from '../schemas';
import { validateScene, type SceneError } from './scene-validation';

const road: ZoneInput = {
  kind: 'roadway',
  name: 'Suwinthawong inbound',
  nameTh: 'ถนนสุวินทวงศ์ ขาเข้า',
  polygon: [
    [0.1, 0.9],
    [0.6, 0.9],
    [0.55, 0.3],
    [0.35, 0.3],
  ],
  direction: [0.1, -0.6],
};
const market: ZoneInput = {
  kind: 'crowd_area',
  name: 'Ban Mai market',
  nameTh: 'ตลาดบ้านใหม่',
  polygon: [
    [0.65, 0.5],
    [0.95, 0.5],
    [0.95, 0.95],
    [0.65, 0.95],
  ],
  alertAbove: 2,
  clearBelow: 1.2,
};
const sidewalk: ZoneInput = {
  kind: 'sidewalk',
  name: 'East sidewalk',
  nameTh: 'ทางเท้าฝั่งตะวันออก',
  polygon: [
    [0.6, 0.2],
    [0.64, 0.2],
    [0.64, 0.45],
  ],
};
const stopLine: CountingLineInput = {
  name: 'Stop line',
  nameTh: 'เส้นหยุด',
  points: [
    [0.15, 0.7],
    [0.55, 0.7],
  ],
};
const scene = (zones: ZoneInput[], lines: CountingLineInput[] = [stopLine]): CameraSceneInput => ({
  zones,
  lines,
});

function errorsOf(input: CameraSceneInput): SceneError[] {
  const result = validateScene(input);
  if (result.ok) throw new Error('expected errors');
  for (const e of result.errors) expect(e.reasonTh).toMatch(/[\u0E00-\u0E7F]/);
  return result.errors;
}
const paths = (input: CameraSceneInput) => errorsOf(input).map((e) => e.path);

describe('validateScene', () => {
  it('accepts a valid scene', () =>
    expect(validateScene(scene([road, market, sidewalk]))).toEqual({ ok: true }));

  it('accepts an empty scene', () => expect(validateScene({ zones: [], lines: [] })).toEqual({ ok: true }));

  it('accepts a concave polygon', () => {
    const concave: ZoneInput = {
      ...sidewalk,
      polygon: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.3, 0.2],
        [0.5, 0.4],
        [0.1, 0.4],
      ],
    };
    expect(validateScene(scene([concave]))).toEqual({ ok: true });
  });

  it('rejects a bow-tie polygon', () => {
    const bowTie: ZoneInput = {
      ...sidewalk,
      polygon: [
        [0.1, 0.1],
        [0.5, 0.5],
        [0.5, 0.1],
        [0.1, 0.5],
      ],
    };
    const [error, ...rest] = errorsOf(scene([road, bowTie]));
    expect(rest).toEqual([]);
    expect(error).toMatchObject({
      path: 'zones/1/polygon',
      reason: expect.stringMatching(/crosses itself \(edges 1 and 3\)/),
    });
  });

  it('rejects a polygon that doubles back along an edge or touches itself', () => {
    const spike: ZoneInput = {
      ...sidewalk,
      polygon: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.3, 0.1],
        [0.3, 0.4],
      ],
    };
    expect(paths(scene([spike]))).toEqual(['zones/0/polygon']);
    const touching: ZoneInput = {
      ...sidewalk,
      polygon: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.5, 0.5],
        [0.3, 0.1],
        [0.1, 0.5],
      ],
    };
    expect(errorsOf(scene([touching]))[0]?.reason).toMatch(/crosses itself/);
  });

  it('rejects too few distinct points, repeated points, zero area and points outside the image', () => {
    const twoPoints: ZoneInput = {
      ...sidewalk,
      polygon: [
        [0.1, 0.1],
        [0.5, 0.5],
        [0.1, 0.1],
      ],
    };
    const repeated: ZoneInput = {
      ...sidewalk,
      name: 'b',
      nameTh: 'ข',
      polygon: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.5, 0.1],
        [0.1, 0.5],
      ],
    };
    const flat: ZoneInput = {
      ...sidewalk,
      name: 'c',
      nameTh: 'ค',
      polygon: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.5, 0.1002],
      ],
    };
    const outside: ZoneInput = {
      ...sidewalk,
      name: 'd',
      nameTh: 'ง',
      polygon: [
        [0.1, 0.1],
        [1.5, 0.1],
        [0.5, 0.5],
      ],
    };
    const reasons = errorsOf(scene([twoPoints, repeated, flat, outside])).map(
      (e) => `${e.path}: ${e.reason}`,
    );
    expect(reasons).toEqual([
      'zones/0/polygon: A zone needs at least 3 different points',
      'zones/1/polygon: Points 2 and 3 are the same',
      'zones/2/polygon: The zone has (almost) no area',
      'zones/3/polygon: Point 2 is outside the image',
    ]);
  });

  it('requires a non-zero direction on roadways and forbids it elsewhere', () => {
    const { direction: _omit, ...noDirection } = road;
    const zeroDirection: ZoneInput = { ...road, name: 'r2', nameTh: 'ร2', direction: [0, 0] };
    const walkWithDirection: ZoneInput = { ...sidewalk, direction: [1, 0] };
    const errors = errorsOf(scene([noDirection, zeroDirection, walkWithDirection]));
    expect(errors.map((e) => e.path)).toEqual([
      'zones/0/direction',
      'zones/1/direction',
      'zones/2/direction',
    ]);
    expect(errors[0]?.reason).toMatch(/needs a traffic direction/);
    expect(errors[1]?.reason).toMatch(/no length/);
    expect(errors[2]?.reason).toMatch(/Only roadway/);
  });

  it('requires crowd thresholds with hysteresis and forbids them elsewhere', () => {
    const inverted: ZoneInput = { ...market, alertAbove: 1, clearBelow: 1.5 };
    const equal: ZoneInput = { ...market, name: 'm2', nameTh: 'ม2', alertAbove: 1, clearBelow: 1 };
    const { alertAbove: _a, clearBelow: _c, ...noThresholds } = { ...market, name: 'm3', nameTh: 'ม3' };
    const roadWithAlert: ZoneInput = { ...road, alertAbove: 3 };
    const errors = errorsOf(scene([inverted, equal, noThresholds, roadWithAlert]));
    expect(errors.map((e) => e.path)).toEqual([
      'zones/0/clearBelow',
      'zones/1/clearBelow',
      'zones/2/alertAbove',
      'zones/2/clearBelow',
      'zones/3/alertAbove',
    ]);
    expect(errors[0]?.reason).toMatch(/below the alert threshold/);
    expect(errors[4]?.reason).toMatch(/Only crowd areas/);
  });

  it('rejects a zero-length or too-short counting line', () => {
    const zero: CountingLineInput = {
      ...stopLine,
      points: [
        [0.3, 0.3],
        [0.3, 0.3],
      ],
    };
    const short: CountingLineInput = {
      ...stopLine,
      name: 'short',
      nameTh: 'สั้น',
      points: [
        [0.3, 0.3],
        [0.305, 0.305],
      ],
    };
    const errors = errorsOf(scene([road], [zero, short]));
    expect(errors.map((e) => e.path)).toEqual(['lines/0/points', 'lines/1/points']);
    expect(errors[0]?.reason).toMatch(/too short/);
  });

  it('rejects duplicate names within zones and within lines, but not across them', () => {
    const twin: ZoneInput = { ...sidewalk, name: '  suwinthawong INBOUND ' };
    const twinLine: CountingLineInput = { ...stopLine, nameTh: 'เส้นหยุดที่สอง' };
    const sameAsZone: CountingLineInput = { ...stopLine, name: road.name, nameTh: road.nameTh };
    const errors = errorsOf(scene([road, twin], [stopLine, twinLine, sameAsZone]));
    expect(errors.map((e) => e.path)).toEqual(['zones/1/name', 'lines/1/name']);
    expect(errors[0]?.reason).toMatch(/Another zone \(number 1\)/);
    const thaiTwin: ZoneInput = { ...sidewalk, nameTh: road.nameTh };
    expect(paths(scene([road, thaiTwin]))).toEqual(['zones/1/nameTh']);
  });
});
