// Shorthand for the actors the scenarios put on the test scene: cars in lanes, pedestrians, standing people.
import type { Pixel } from '../scene';
import { speedKeys, type ActorSpec } from './builder';
import { FRAME_WIDTH, SIDEWALK_Y } from './test-scene';

export const CAR_SIZE: [number, number] = [110, 60];

export interface LaneCar {
  id: number;
  laneY: number;
  appearS: number;
  /** Speed keyframes; a constant speed when a number. */
  speeds: [number, number][] | number;
  /** Contact x at appearance (default just off the left edge). */
  fromX?: number;
  /** Negative for right → left (wrong way on this road). */
  heading?: 1 | -1;
  label?: string;
  size?: [number, number];
  disappearS?: number;
}

export function laneCar(spec: LaneCar): ActorSpec {
  const heading = spec.heading ?? 1;
  const fromX = spec.fromX ?? (heading > 0 ? -50 : FRAME_WIDTH + 50);
  const speeds: [number, number][] =
    typeof spec.speeds === 'number' ? [[spec.appearS, spec.speeds]] : spec.speeds;
  return {
    id: spec.id,
    label: spec.label ?? 'car',
    size: spec.size ?? CAR_SIZE,
    path: [
      [fromX, spec.laneY],
      [heading > 0 ? 6000 : -6000, spec.laneY],
    ],
    speeds,
    appearS: spec.appearS,
    ...(spec.disappearS === undefined ? {} : { disappearS: spec.disappearS }),
  };
}

/** Free-flowing cars entering a lane at the given times; ids count up from `firstId`. */
export const laneTraffic = (spec: {
  firstId: number;
  laneY: number;
  times: readonly number[];
  speed: number;
}): ActorSpec[] =>
  spec.times.map((appearS, i) =>
    laneCar({ id: spec.firstId + i, laneY: spec.laneY, appearS, speeds: spec.speed }),
  );

export const every = (fromS: number, toS: number, stepS: number): number[] => {
  const times: number[] = [];
  for (let t = fromS; t <= toS; t += stepS) times.push(t);
  return times;
};

export function pedestrian(
  id: number,
  path: Pixel[],
  appearS: number,
  speeds: [number, number][] | number = 70,
): ActorSpec {
  return {
    id,
    label: 'person',
    size: [40, 110],
    path,
    speeds: typeof speeds === 'number' ? [[appearS, speeds]] : speeds,
    appearS,
  };
}

/**
 * From the sidewalk at x = 300 (appearing at `appearS`), walks up into lane B at 80 px/s (on the road 0.98 s later),
 * stands there until `standUntilS`, walks back and off along the sidewalk.
 */
export const pedestrianIntoLane = (id: number, appearS: number, standUntilS: number): ActorSpec =>
  pedestrian(
    id,
    [
      [300, SIDEWALK_Y + 10],
      [300, 560],
      [300, SIDEWALK_Y + 10],
      [-10, SIDEWALK_Y + 10],
    ],
    appearS,
    speedKeys(appearS, 80, appearS + 1.6, 80, appearS + 1.7, 0, standUntilS, 0, standUntilS + 0.1, 80),
  );

export const sidewalkWalker = (id: number, appearS: number, leftToRight = true): ActorSpec =>
  pedestrian(
    id,
    leftToRight
      ? [
          [-10, SIDEWALK_Y],
          [6000, SIDEWALK_Y],
        ]
      : [
          [FRAME_WIDTH + 10, SIDEWALK_Y],
          [-6000, SIDEWALK_Y],
        ],
    appearS,
  );

export function standingPerson(id: number, at: Pixel, appearS: number, disappearS: number): ActorSpec {
  return { id, label: 'person', size: [30, 70], path: [at], speeds: [[appearS, 0]], appearS, disappearS };
}

/** A motorcycle and its rider, whom the detector reports as a separate person. */
export function motorbikeWithRider(spec: {
  bikeId: number;
  riderId: number;
  laneY: number;
  appearS: number;
  speed: number;
}): ActorSpec[] {
  const { bikeId, riderId, laneY, appearS } = spec;
  const speeds: [number, number][] = [[appearS, spec.speed]];
  return [
    {
      id: bikeId,
      label: 'motorbike',
      size: [50, 45],
      path: [
        [-30, laneY],
        [6000, laneY],
      ],
      speeds,
      appearS,
    },
    {
      id: riderId,
      label: 'person',
      size: [36, 70],
      path: [
        [-30, laneY - 15],
        [6000, laneY - 15],
      ],
      speeds,
      appearS,
    },
  ];
}
