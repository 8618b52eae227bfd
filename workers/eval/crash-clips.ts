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
    // The near carriageway from the edge line along the median (the dashed line the pedestrians walk on) to the
    // guard rail, out to the bottom of the picture; left of it are the median gap and the far carriageway.
    scene: carriageway([
      [0.125, 0.455],
      [0.297, 0.463],
      [1, 0.66],
      [1, 1],
      [0.225, 1],
      [0.159, 0.724],
      [0.122, 0.568],
    ]),
    impactS: 10,
    stoppedS: 11.5,
  },
];
