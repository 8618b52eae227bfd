import { describe, expect, it } from 'vitest';
import type { RuleSignal } from '../pipeline/types';
import { resolveAccidentOptions, type AccidentOptionsInput } from './accident-options';
import { createAccidentState, evaluateAccidents } from './accident.rules';
import { laneCar, motorbikeWithRider, pedestrian, pedestrianIntoLane } from './scenarios/actors';
import { buildFrames, speedKeys, type ActorSpec, type BuildOptions } from './scenarios/builder';
import { collect, testScene } from './scenarios/harness';
import { LANE_A_Y, LANE_B_Y, SIDEWALK_Y } from './scenarios/test-scene';

interface Run {
  durationS: number;
  options?: AccidentOptionsInput;
  build?: Partial<BuildOptions>;
}

function runAccidents(
  actors: ActorSpec[],
  { durationS, options, build }: Run,
): { tS: number; item: RuleSignal }[] {
  const scene = testScene();
  const state = createAccidentState();
  const resolved = resolveAccidentOptions(options);
  const frames = buildFrames(actors, { durationS, ...build });
  const onsetBase = frames[0]!.t;
  return collect(frames, (frame) => evaluateAccidents(state, { scene, frame }, resolved)).map(
    ({ tS, item }) => ({
      tS,
      item: { ...item, onset: (item.onset - onsetBase) / 1000 },
    }),
  );
}

const kinds = (signals: { item: RuleSignal }[]) => [...new Set(signals.map((s) => s.item.kind))];
const firstOf = (signals: { tS: number; item: RuleSignal }[], kind: string) =>
  signals.find((s) => s.item.kind === kind);

/** Car in lane A braking normally (300 → 0 px/s over 3 s) to stand at x ≈ 990 from 5 s until `leaveS`. */
const brakingCar = (id: number, leaveS: number, laneY = LANE_A_Y): ActorSpec =>
  laneCar({
    id,
    laneY,
    appearS: 0,
    speeds: speedKeys(0, 300, 2, 300, 5, 0, leaveS, 0, leaveS + 3, 300),
  });

describe('stopped vehicle', () => {
  it('is raised once the car has stood in the lane longer than stoppedAfterS, with the stop moment as onset', () => {
    const signals = runAccidents([brakingCar(1, 80)], { durationS: 75 });
    expect(kinds(signals)).toEqual(['stopped_vehicle']);
    const first = firstOf(signals, 'stopped_vehicle')!;
    expect(first.tS).toBeGreaterThanOrEqual(24);
    expect(first.tS).toBeLessThan(26.5);
    expect(first.item).toMatchObject({
      key: 'stopped:1',
      type: 'traffic.incident',
      severity: 'medium',
      trackIds: [1],
    });
    expect(first.item.onset).toBeCloseTo(5, 0);
    expect(signals.at(-1)!.item.severity).toBe('high');
  });

  it('is not raised for a stop at a light shorter than stoppedAfterS', () => {
    expect(runAccidents([brakingCar(1, 20)], { durationS: 40 })).toEqual([]);
  });

  it('follows the stoppedAfterS option', () => {
    expect(
      kinds(runAccidents([brakingCar(1, 20)], { durationS: 40, options: { stoppedAfterS: 10 } })),
    ).toEqual(['stopped_vehicle']);
  });

  it('ignores a vehicle that never moved (parked) and one stopped outside the roadway', () => {
    const parked = laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, fromX: 500, speeds: 0 });
    const onSidewalk = laneCar({
      id: 2,
      laneY: SIDEWALK_Y,
      appearS: 0,
      speeds: speedKeys(0, 300, 2, 300, 5, 0),
    });
    expect(runAccidents([parked, onSidewalk], { durationS: 40 })).toEqual([]);
  });

  it('treats several vehicles stopping together as a queue, not an incident', () => {
    const queue = [0, 1, 2, 3].map((k) =>
      laneCar({
        id: k + 1,
        laneY: k % 2 ? LANE_B_Y : LANE_A_Y,
        appearS: 0,
        fromX: -50 - 150 * Math.floor(k / 2),
        speeds: speedKeys(0, 300, 2, 300, 5, 0, 35, 0, 38, 300),
      }),
    );
    expect(runAccidents(queue, { durationS: 40 })).toEqual([]);
    expect(kinds(runAccidents(queue, { durationS: 40, options: { queueSuppressCount: 99 } }))).toEqual([
      'stopped_vehicle',
    ]);
  });

  it('ignores tracks that never get confirmed', () => {
    expect(runAccidents([brakingCar(1, 80)], { durationS: 40, build: { confirmHits: 10_000 } })).toEqual([]);
  });
});

describe('sudden stop', () => {
  it('is raised for a stop from full speed within a second, and replaces the stopped-vehicle signal', () => {
    const car = laneCar({
      id: 1,
      laneY: LANE_A_Y,
      appearS: 0,
      speeds: speedKeys(0, 330, 2.5, 330, 3.3, 0),
    });
    const signals = runAccidents([car], { durationS: 40 });
    expect(kinds(signals)).toEqual(['sudden_stop']);
    const first = firstOf(signals, 'sudden_stop')!;
    expect(first.tS).toBeLessThan(5);
    expect(first.item).toMatchObject({ key: 'sudden:1', type: 'traffic.accident', severity: 'high' });
    expect(first.item.onset).toBeCloseTo(3.3, 0);
  });

  it('is not raised for a slow vehicle stopping quickly (not a real moving speed)', () => {
    const slow = laneCar({
      id: 1,
      laneY: LANE_A_Y,
      appearS: 0,
      fromX: 200,
      speeds: speedKeys(0, 60, 4, 60, 4.5, 0, 15, 0, 16, 60),
    });
    expect(runAccidents([slow], { durationS: 20 })).toEqual([]);
  });
});

describe('person on road', () => {
  const intoLane = (standUntilS: number): ActorSpec => pedestrianIntoLane(1, 2, standUntilS);

  it('is raised after personOnRoadS on the carriageway, with the step onto the road as onset', () => {
    const signals = runAccidents([intoLane(20)], { durationS: 30 });
    expect(kinds(signals)).toEqual(['person_on_road']);
    const first = firstOf(signals, 'person_on_road')!;
    expect(first.item).toMatchObject({ key: 'person:1', severity: 'medium' });
    expect(first.item.onset).toBeCloseTo(3, 0);
    expect(first.tS).toBeCloseTo(6, 0);
    expect(signals.at(-1)!.tS).toBeLessThan(21.5);
  });

  it('is not raised for a brief step onto the road or for walking on the sidewalk', () => {
    expect(runAccidents([intoLane(3.8)], { durationS: 15 })).toEqual([]);
    expect(
      runAccidents(
        [
          pedestrian(
            1,
            [
              [-10, SIDEWALK_Y],
              [2000, SIDEWALK_Y],
            ],
            0,
          ),
        ],
        { durationS: 20 },
      ),
    ).toEqual([]);
  });

  it('is not raised for a pedestrian crossing, and for one walking along the road only after personWalkingOnRoadS', () => {
    const across = pedestrian(
      1,
      [
        [600, SIDEWALK_Y],
        [600, 150],
      ],
      0,
    );
    expect(runAccidents([across], { durationS: 15 })).toEqual([]);
    const along = pedestrian(
      1,
      [
        [0, LANE_B_Y],
        [2000, LANE_B_Y],
      ],
      0,
      60, // 1.6 box heights in personOnRoadS: walking, not lingering; still in view at 20 s
    );
    const signals = runAccidents([along], { durationS: 25 });
    expect(kinds(signals)).toEqual(['person_on_road']);
    expect(firstOf(signals, 'person_on_road')!.tS).toBeGreaterThanOrEqual(20);
  });

  it('is not raised for a person standing on the edge of the carriageway (the roadside)', () => {
    const atEdge = pedestrian(
      1,
      [
        [500, SIDEWALK_Y],
        [500, 605],
      ],
      0,
      speedKeys(0, 70, 1, 70, 1.1, 0),
    );
    expect(runAccidents([atEdge], { durationS: 20 })).toEqual([]);
  });

  it('does not take a motorcycle rider for a pedestrian', () => {
    const slowRide = motorbikeWithRider({ bikeId: 1, riderId: 2, laneY: LANE_B_Y, appearS: 0, speed: 60 });
    expect(runAccidents(slowRide, { durationS: 20 })).toEqual([]);
  });
});

describe('wrong way', () => {
  it('is raised for a vehicle moving against the zone direction', () => {
    const car = laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, heading: -1, fromX: 1270, speeds: 200 });
    const signals = runAccidents([car], { durationS: 8 });
    expect(kinds(signals)).toEqual(['wrong_way']);
    const first = firstOf(signals, 'wrong_way')!;
    expect(first.item).toMatchObject({ key: 'wrongway:1', type: 'traffic.incident', severity: 'high' });
    expect(first.item.detail.cosine).toBeLessThan(-0.9);
    expect(first.item.onset).toBeLessThan(1);
  });

  it('is not raised for traffic in the permitted direction or crossing it', () => {
    const along = laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, speeds: 200 });
    const across: ActorSpec = {
      id: 2,
      label: 'car',
      size: [110, 60],
      path: [
        [800, 260],
        [800, 610],
      ],
      speeds: speedKeys(0, 60),
      appearS: 0,
    };
    expect(runAccidents([along, across], { durationS: 8 })).toEqual([]);
  });
});
