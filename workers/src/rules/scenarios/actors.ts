// Shorthand for the actors the scenarios put on the test scene: cars in lanes, pedestrians, standing people.
import type { Pixel } from '../scene';
import type { ActorSpec } from './builder';
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

/** Free-flowing cars entering a lane at the given times. */
export const laneTraffic = (
  firstId: number,
  laneY: number,
  times: readonly number[],
  speed: number,
): ActorSpec[] => times.map((appearS, i) => laneCar({ id: firstId + i, laneY, appearS, speeds: speed }));

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
export function motorbikeWithRider(
  bikeId: number,
  riderId: number,
  laneY: number,
  appearS: number,
  speed: number,
): ActorSpec[] {
  const speeds: [number, number][] = [[appearS, speed]];
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
