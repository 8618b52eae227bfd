import { describe, expect, it } from 'vitest';
import type { ImagePoint } from '@toc/server/schemas';
import { draftFromScene, draftProblems, hasProblem, reversed, sceneInput, splitServerReasons, withKind, type SceneDraft } from './scene-draft';

const square: ImagePoint[] = [[0.1, 0.1], [0.4, 0.1], [0.4, 0.4], [0.1, 0.4]];
const bowTie: ImagePoint[] = [[0.1, 0.1], [0.4, 0.4], [0.4, 0.1], [0.1, 0.4]];

const draftWith = (zone: Partial<SceneDraft['zones'][number]>): SceneDraft => ({
  zones: [{ key: 1, kind: 'crowd_area', name: 'Square', nameTh: 'ลาน', polygon: square, alertAbove: 8, clearBelow: 4, ...zone }],
  lines: [],
});

describe('scene draft', () => {
  it('round-trips a saved scene into the PUT body without ids or keys', () => {
    const draft = draftFromScene({
      zones: [{ id: 7, cameraId: 1, kind: 'roadway', name: 'Road', nameTh: 'ถนน', polygon: square, direction: [0, 1] }],
      lines: [{ id: 3, cameraId: 1, name: 'Gate', nameTh: 'ประตู', points: [[0.1, 0.5], [0.9, 0.5]] }],
    });
    expect(sceneInput(draft)).toEqual({
      zones: [{ kind: 'roadway', name: 'Road', nameTh: 'ถนน', polygon: square, direction: [0, 1] }],
      lines: [{ name: 'Gate', nameTh: 'ประตู', points: [[0.1, 0.5], [0.9, 0.5]] }],
    });
  });

  it('drops the settings a zone kind does not use when the kind changes', () => {
    const crowd = draftWith({}).zones[0]!;
    const road = withKind(crowd, 'roadway');
    expect(road).not.toHaveProperty('alertAbove');
    expect(road).not.toHaveProperty('clearBelow');
    expect(withKind({ ...road, direction: [1, 0] }, 'sidewalk')).not.toHaveProperty('direction');
  });

  it('reverses a counting line by swapping its ends', () => {
    const line = { key: 1, name: 'L', nameTh: 'ล', points: [[0.1, 0.5], [0.9, 0.5]] as [ImagePoint, ImagePoint] };
    expect(reversed(line).points).toEqual([[0.9, 0.5], [0.1, 0.5]]);
  });

  it('flags a self-crossing outline at once, on the zone it belongs to', () => {
    expect(draftProblems(draftWith({})).zones.size).toBe(0);
    const problems = draftProblems(draftWith({ polygon: bowTie })).zones.get(0);
    expect(hasProblem(problems, 'polygon')).toBe(true);
    expect(problems![0]!.reason).toMatch(/crosses itself/);
    expect(problems![0]!.reasonTh).toMatch(/ตัดกันเอง/);
  });

  it('flags a roadway without a direction and a crowd area whose thresholds do not leave a gap', () => {
    expect(hasProblem(draftProblems(draftWith({ kind: 'roadway' })).zones.get(0), 'direction')).toBe(true);
    expect(hasProblem(draftProblems(draftWith({ clearBelow: 8 })).zones.get(0), 'clearBelow')).toBe(true);
  });

  it("splits the server's joined reasons and keeps which zone or line each is about", () => {
    expect(splitServerReasons('zones/1/polygon: The outline crosses itself (edges 1 and 3); lines/0/points: Too short')).toEqual([
      { target: { group: 'zones', index: 1 }, text: 'The outline crosses itself (edges 1 and 3)' },
      { target: { group: 'lines', index: 0 }, text: 'Too short' },
    ]);
    expect(splitServerReasons('body/zones must NOT have more than 32 items')).toEqual([
      { target: null, text: 'body/zones must NOT have more than 32 items' },
    ]);
  });
});
