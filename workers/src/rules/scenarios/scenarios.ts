// Labelled synthetic scenarios (5 fps, 1280×720, seeded jitter) with the incidents each must raise, for tests and precision/recall.
import type { CountingLine, EventType, Zone } from '@toc/server/schemas';
import type { RuleFrame } from '../../pipeline/types';
import type { RuleKind } from '../rule-titles';
import {
  every,
  laneCar,
  laneTraffic,
  motorbikeWithRider,
  pedestrianIntoLane,
  sidewalkWalker,
  standingPerson,
} from './actors';
import { buildFrames, DEFAULT_BUILD_OPTIONS, speedKeys, type ActorSpec, type BuildOptions } from './builder';
import { LANE_A_Y, LANE_B_Y, TEST_AREAS, TEST_LINES, TEST_ZONES } from './test-scene';

export interface ExpectedSignal {
  kind: RuleKind;
  type: EventType;
  /** When it really began, seconds from the scenario start. */
  onsetS: number;
}

export interface Scenario {
  name: string;
  description: string;
  durationS: number;
  /** Stream time of the first frame, ms (scenario seconds are relative to it). */
  startMs: number;
  zones: Zone[];
  lines: CountingLine[];
  areaM2ByZoneId: Record<number, number>;
  frames: RuleFrame[];
  expected: ExpectedSignal[];
}

interface ScenarioSpec {
  name: string;
  description: string;
  durationS: number;
  seed: number;
  actors: ActorSpec[];
  expected: ExpectedSignal[];
}

/** Build overrides for robustness runs: `seed` is added to each scenario's own seed. */
export type ScenarioBuildOverrides = Partial<Omit<BuildOptions, 'durationS' | 'startMs'>>;

function scenario(spec: ScenarioSpec, overrides: ScenarioBuildOverrides): Scenario {
  return {
    name: spec.name,
    description: spec.description,
    durationS: spec.durationS,
    startMs: DEFAULT_BUILD_OPTIONS.startMs,
    zones: TEST_ZONES,
    lines: TEST_LINES,
    areaM2ByZoneId: TEST_AREAS,
    frames: buildFrames(spec.actors, {
      ...overrides,
      durationS: spec.durationS,
      seed: spec.seed + (overrides.seed ?? 0),
    }),
    expected: spec.expected,
  };
}

const stoppedCar: ScenarioSpec = {
  name: 'stopped car in lane',
  description:
    'A car brakes normally in lane A at 5 s, stays 70 s (becoming high severity), then drives off; lane B flows.',
  durationS: 100,
  seed: 11,
  actors: [
    laneCar({
      id: 1,
      laneY: LANE_A_Y,
      appearS: 0,
      speeds: speedKeys(0, 300, 2, 300, 5, 0, 75, 0, 78, 300),
    }),
    ...laneTraffic({ firstId: 10, laneY: LANE_B_Y, times: every(1, 95, 6), speed: 280 }),
  ],
  expected: [{ kind: 'stopped_vehicle', type: 'traffic.incident', onsetS: 5 }],
};

const suddenStop: ScenarioSpec = {
  name: 'sudden stop',
  description:
    'A car at 330 px/s stops dead within 0.8 s (2.5 → 3.3 s, at x ≈ 907), stands 30 s, then leaves.',
  durationS: 55,
  seed: 12,
  actors: [
    laneCar({
      id: 1,
      laneY: LANE_A_Y,
      appearS: 0,
      speeds: speedKeys(0, 330, 2.5, 330, 3.3, 0, 33, 0, 35, 300),
    }),
    ...laneTraffic({ firstId: 10, laneY: LANE_B_Y, times: every(2, 50, 7), speed: 280 }),
  ],
  expected: [{ kind: 'sudden_stop', type: 'traffic.accident', onsetS: 3.3 }],
};

// Rear-end at 9 s: A (260 px/s) runs into B (80 px/s) ahead in lane A; both stop within 0.5 s and stay until towed at 45 s.
const collision: ScenarioSpec = {
  name: 'collision',
  description: 'Rear-end collision in lane A at 9 s; both cars stop abruptly and stay until removed at 45 s.',
  durationS: 65,
  seed: 13,
  actors: [
    laneCar({
      id: 1,
      laneY: LANE_A_Y,
      appearS: 0,
      fromX: 335,
      speeds: speedKeys(0, 80, 9, 80, 9.5, 0),
      disappearS: 45,
    }),
    laneCar({
      id: 2,
      laneY: LANE_A_Y,
      appearS: 9 - 1005 / 260,
      fromX: -60,
      speeds: speedKeys(0, 260, 9, 260, 9.5, 0),
      disappearS: 45,
    }),
    ...laneTraffic({ firstId: 10, laneY: LANE_B_Y, times: every(1, 60, 6), speed: 280 }),
  ],
  expected: [{ kind: 'collision', type: 'traffic.accident', onsetS: 9 }],
};

const wrongWay: ScenarioSpec = {
  name: 'wrong way',
  description:
    'A car drives right → left in lane A against the zone direction (visible from 5.25 s); lane B flows correctly.',
  durationS: 40,
  seed: 14,
  actors: [
    laneCar({ id: 1, laneY: LANE_A_Y, appearS: 5, heading: -1, fromX: 1330, speeds: 200 }),
    ...laneTraffic({ firstId: 10, laneY: LANE_B_Y, times: every(0, 35, 5), speed: 280 }),
  ],
  expected: [{ kind: 'wrong_way', type: 'traffic.incident', onsetS: 5.25 }],
};

const personOnRoad: ScenarioSpec = {
  name: 'person on road',
  description:
    'A pedestrian walks off the sidewalk into lane B at 3 s, stands there until 20 s, and walks back.',
  durationS: 45,
  seed: 15,
  actors: [
    pedestrianIntoLane(1, 2, 20),
    ...laneTraffic({ firstId: 10, laneY: LANE_A_Y, times: every(0, 40, 5), speed: 300 }),
  ],
  expected: [{ kind: 'person_on_road', type: 'traffic.incident', onsetS: 2.98 }],
};

// Lane A car 40 brakes over 3 s to a red light (stops 15 s at x 990), waits 8 s; car 41 queues behind it.
const normalFlow: ScenarioSpec = {
  name: 'normal flow',
  description:
    'Cars flow in both lanes, one waits 8 s at a light with a follower, a bus, a motorcycle with rider, pedestrians on the sidewalk, a few people in the plaza. Nothing to report.',
  durationS: 90,
  seed: 16,
  actors: [
    ...laneTraffic({ firstId: 10, laneY: LANE_A_Y, times: [0, 5, ...every(30, 80, 7)], speed: 300 }),
    laneCar({
      id: 40,
      laneY: LANE_A_Y,
      appearS: 10,
      speeds: speedKeys(10, 300, 12, 300, 15, 0, 23, 0, 26, 300),
    }),
    laneCar({
      id: 41,
      laneY: LANE_A_Y,
      appearS: 12.5,
      speeds: speedKeys(12.5, 300, 14, 300, 17, 0, 24, 0, 27, 300),
    }),
    ...laneTraffic({ firstId: 50, laneY: LANE_B_Y, times: every(1, 85, 6), speed: 280 }),
    laneCar({ id: 70, laneY: LANE_B_Y, appearS: 21, speeds: 220, label: 'bus', size: [260, 150] }),
    ...motorbikeWithRider({ bikeId: 80, riderId: 81, laneY: LANE_B_Y, appearS: 33, speed: 250 }),
    sidewalkWalker(90, 3),
    sidewalkWalker(91, 20, false),
    sidewalkWalker(92, 48),
    ...[0, 1, 2, 3].map((i) => standingPerson(100 + i, [800 + i * 90, 150 + (i % 2) * 40], 1 + i * 2, 80)),
  ],
  expected: [],
};

function congestionActors(): ActorSpec[] {
  // Every car in a lane shares one speed profile, so spacing (170 px) stays constant: free flow, jam from 10 s, free again from 60 s.
  const profile = (shiftS: number): [number, number][] => {
    const keys: [number, number][] = [
      [0, 200],
      [8, 200],
      [10, 20],
    ];
    for (let k = 0; k < 5; k++) {
      const t0 = 10 + 10 * k + shiftS;
      keys.push([t0 + 4.5, 20], [t0 + 5, 0], [t0 + 9.5, 0], [t0 + 10, 20]);
    }
    keys.push([60, 20], [62, 200]);
    return keys;
  };
  const actors: ActorSpec[] = [];
  for (const [lane, laneY, shiftS] of [
    [0, LANE_A_Y, 0],
    [1, LANE_B_Y, -2.5],
  ] as const) {
    for (let k = 0; k < 50; k++) {
      actors.push(
        laneCar({
          id: 1 + lane * 100 + k,
          laneY,
          appearS: 0,
          fromX: 1250 - 170 * k,
          speeds: profile(shiftS),
        }),
      );
    }
  }
  return actors;
}

const congestion: ScenarioSpec = {
  name: 'congestion',
  description:
    'Dense traffic in both lanes slows to stop-and-go (≤ 20 px/s, a third of a box height per second) from 10 s to 60 s, then clears.',
  durationS: 90,
  seed: 17,
  actors: congestionActors(),
  expected: [{ kind: 'congestion', type: 'traffic.congestion', onsetS: 10 }],
};

// 25 people gather in the 100 m² plaza, one every 1.5 s from 2 s: the 15th (0.15/m²) arrives at 23 s; they leave from 70 s.
const crowdGathering: ScenarioSpec = {
  name: 'crowd gathering',
  description:
    'People gather in the plaza until the density exceeds 0.15/m² (23 s), stay, then disperse from 70 s.',
  durationS: 110,
  seed: 18,
  actors: [
    ...Array.from({ length: 25 }, (_, i) =>
      standingPerson(100 + i, [760 + (i % 5) * 100, 110 + Math.floor(i / 5) * 28], 2 + i * 1.5, 70 + i * 0.5),
    ),
    ...laneTraffic({ firstId: 10, laneY: LANE_A_Y, times: every(0, 100, 8), speed: 300 }),
    sidewalkWalker(90, 5),
  ],
  expected: [{ kind: 'crowd_alert', type: 'crowd.alert', onsetS: 23 }],
};

const elephantPassing: ScenarioSpec = {
  name: 'elephant passing',
  description:
    'A wild elephant and a calf cross the road left → right at 60 px/s (the adult in view from 1 s); detections flicker.',
  durationS: 50,
  seed: 19,
  actors: [
    {
      id: 1,
      label: 'elephant',
      size: [220, 180],
      path: [
        [-60, 400],
        [6000, 400],
      ],
      speeds: speedKeys(0, 60),
      appearS: 0,
      missEvery: 4,
      score: 0.7,
    },
    {
      id: 2,
      label: 'elephant',
      size: [150, 120],
      path: [
        [-60, 380],
        [6000, 380],
      ],
      speeds: speedKeys(3, 60),
      appearS: 3,
      missEvery: 5,
      score: 0.55,
    },
  ],
  expected: [{ kind: 'elephant_sighting', type: 'elephant.sighting', onsetS: 1 }],
};

// The camera looks after the impact (or missed it): the car stands in lane A from the first frame; from 4 s its driver
// and a passer-by stand beside it on the carriageway; the car is towed away at 42 s.
const crashAftermath: ScenarioSpec = {
  name: 'crash aftermath',
  description:
    'A car stands in lane A from the first frame, its impact unseen; two people stand beside it on the carriageway from 4 s to 40 s; the car is towed at 42 s; lane B flows.',
  durationS: 90,
  seed: 20,
  actors: [
    laneCar({ id: 1, laneY: LANE_A_Y, appearS: 0, fromX: 640, speeds: 0, disappearS: 42 }),
    standingPerson(2, [730, LANE_A_Y + 10], 4, 40),
    standingPerson(3, [560, LANE_A_Y - 20], 4.4, 40),
    ...laneTraffic({ firstId: 10, laneY: LANE_B_Y, times: every(0, 85, 6), speed: 280 }),
  ],
  expected: [{ kind: 'crash_aftermath', type: 'traffic.accident', onsetS: 0 }],
};

const SPECS: readonly ScenarioSpec[] = [
  stoppedCar,
  suddenStop,
  collision,
  wrongWay,
  personOnRoad,
  crashAftermath,
  normalFlow,
  congestion,
  crowdGathering,
  elephantPassing,
];

export const buildScenarios = (overrides: ScenarioBuildOverrides = {}): Scenario[] =>
  SPECS.map((spec) => scenario(spec, overrides));

export const SCENARIOS: readonly Scenario[] = buildScenarios();
