import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import { iou } from './box-geometry';
import { resolveAccidentOptions } from './accident-options';
import { createAccidentState, evaluateAccidents } from './accident.rules';
import { laneCar } from './scenarios/actors';
import { buildFrames, speedKeys, type ActorSpec } from './scenarios/builder';
import { collect, testScene } from './scenarios/harness';
import { LANE_A_Y } from './scenarios/test-scene';

function run(actors: ActorSpec[], durationS: number): { tS: number; item: RuleSignal }[] {
  const scene = testScene();
  const state = createAccidentState();
  const options = resolveAccidentOptions();
  const frames = buildFrames(actors, { durationS });
  return collect(frames, (frame) => evaluateAccidents(state, { scene, frame }, options)).map(
    ({ tS, item }) => ({
      tS,
      item: { ...item, onset: (item.onset - frames[0]!.t) / 1000 },
    }),
  );
}

/** B (80 px/s) ahead of A (260 px/s) in lane A; they touch at 9 s (A's front at B's rear). */
function rearEnd(after: { a: [number, number][]; b: [number, number][] }): ActorSpec[] {
  return [
    laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, fromX: 335, speeds: [[0, 80], [9, 80], ...after.b] }),
    laneCar({
      id: 2,
      laneY: LANE_A_Y,
      appearS: 9 - 1005 / 260,
      fromX: -60,
      speeds: [[0, 260], [9, 260], ...after.a],
    }),
  ];
}

describe('collision', () => {
  it('is raised when two boxes newly overlap and both stop abruptly, with the overlap as onset', () => {
    const signals = run(rearEnd({ a: [[9.5, 0]], b: [[9.5, 0]] }), 30);
    expect([...new Set(signals.map((s) => s.item.kind))]).toEqual(['collision']);
    const first = signals[0]!;
    expect(first.item).toMatchObject({
      key: 'collision:1-2',
      type: 'traffic.accident',
      severity: 'critical',
      trackIds: [1, 2],
    });
    expect(first.item.onset).toBeGreaterThanOrEqual(9);
    expect(first.item.onset).toBeLessThanOrEqual(9.4);
    expect(first.tS).toBeLessThan(11.5);
    expect(first.item.confidence).toBeGreaterThan(0.8);
    expect(first.item.detail.peakIoU).toBeGreaterThanOrEqual(0.1);
  });

  it('is raised when only one of the two stops abruptly', () => {
    // The lead car was already standing; the follower runs into it.
    const actors = [
      laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, fromX: 900, speeds: 0 }),
      laneCar({
        id: 2,
        laneY: LANE_A_Y,
        appearS: 0,
        fromX: -60,
        speeds: speedKeys(0, 260, 3.6, 260, 4, 0),
      }),
    ];
    const signals = run(actors, 20);
    expect(signals.map((s) => s.item.kind)).toContain('collision');
    expect(signals.every((s) => s.item.kind === 'collision')).toBe(true);
  });

  it('is not raised when boxes overlap but nobody stops (overtaking seen in perspective)', () => {
    const overtaking = [
      laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, fromX: 200, speeds: 100 }),
      laneCar({ id: 2, laneY: LANE_A_Y + 30, appearS: 0, fromX: -60, speeds: 300, size: [110, 80] }),
    ];
    expect(run(overtaking, 10)).toEqual([]);
  });

  it('is not raised when the boxes come to overlap while both brake gently (queueing in perspective)', () => {
    // From 9 s A slows 120 → 0 and B 80 → 0 over 3 s: A ends 60 px into B's box (IoU ≈ 0.37).
    const actors = rearEnd({
      a: [
        [9, 120],
        [12, 0],
      ],
      b: [[12, 0]],
    });
    const last = buildFrames(actors, { durationS: 20 }).at(-1)!;
    expect(iou(last.tracks[0]!.box, last.tracks[1]!.box)).toBeGreaterThan(0.3);
    expect(run(actors, 20).filter((s) => s.item.kind === 'collision')).toEqual([]);
  });
});
