// The real CCTV crash clips with their ground truth (../shared/media/README.md) and the roadway zone a new user would
// draw over each carriageway; evaluation only, never read by the runtime.
import type { CameraSceneInput } from '@toc/server/schemas';

export interface LabelledClip {
  name: string;
  file: string;
  scene: CameraSceneInput;
  /** Seconds from the start of the file. Null: normal flow, any road alarm is false. */
  impactS: number | null;
  /** When the vehicles left in the carriageway came to rest. */
  stoppedS: number | null;
}

const carriageway = (polygon: [number, number][]): CameraSceneInput => ({
  zones: [{ kind: 'roadway', name: 'Carriageway', nameTh: 'ผิวจราจร', polygon }],
  lines: [],
});

export const CRASH_CLIPS: LabelledClip[] = [
  {
    name: 'car hits motorcycle at a T-junction',
    file: 'crash_cctv_intersection_car_vs_motorcycle_india.mp4',
    // The main road across the picture, kerb to kerb.
    scene: carriageway([
      [0, 0.37],
      [1, 0.36],
      [1, 0.8],
      [0, 0.8],
    ]),
    impactS: 7.5,
    stoppedS: 9.5,
  },
  {
    name: 'two cars on a divided highway',
    file: 'crash_cctv_highway_two_cars_india.mp4',
    // The near carriageway from the median's edge line to the guard rail, out to the bottom of the picture.
    scene: carriageway([
      [0.15, 0.45],
      [0.3, 0.46],
      [1, 0.66],
      [1, 1],
      [0, 1],
      [0, 0.72],
    ]),
    impactS: 10,
    stoppedS: 11.5,
  },
];
