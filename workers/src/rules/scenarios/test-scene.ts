// The scene every synthetic scenario uses: a one-way road (traffic left → right), a sidewalk, a plaza and a counting line.
import type { CountingLine, Zone } from '@toc/server/schemas';

export const FRAME_WIDTH = 1280;
export const FRAME_HEIGHT = 720;

export const ROAD_ZONE_ID = 1;
export const SIDEWALK_ZONE_ID = 2;
export const CROWD_ZONE_ID = 3;
export const COUNT_LINE_ID = 1;

/** Ground contact y of the two lanes, pixels. */
export const LANE_A_Y = 420;
export const LANE_B_Y = 560;
export const SIDEWALK_Y = 680;

const base = { cameraId: 1 } as const;

export const TEST_ZONES: Zone[] = [
  {
    ...base,
    id: ROAD_ZONE_ID,
    kind: 'roadway',
    name: 'Suwinthawong Rd eastbound',
    nameTh: 'ถนนสุวินทวงศ์ ขาออก',
    polygon: [
      [0, 0.35],
      [1, 0.35],
      [1, 0.85],
      [0, 0.85],
    ],
    direction: [1, 0],
  },
  {
    ...base,
    id: SIDEWALK_ZONE_ID,
    kind: 'sidewalk',
    name: 'South sidewalk',
    nameTh: 'ทางเท้าฝั่งใต้',
    polygon: [
      [0, 0.85],
      [1, 0.85],
      [1, 1],
      [0, 1],
    ],
  },
  {
    ...base,
    id: CROWD_ZONE_ID,
    kind: 'crowd_area',
    name: 'Temple plaza',
    nameTh: 'ลานวัด',
    polygon: [
      [0.55, 0.02],
      [0.95, 0.02],
      [0.95, 0.33],
      [0.55, 0.33],
    ],
    alertAbove: 0.15,
    clearBelow: 0.08,
  },
];

/** Vertical line across the road at x = 640, drawn bottom → top, so left → right traffic crosses it "forward". */
export const TEST_LINES: CountingLine[] = [
  {
    ...base,
    id: COUNT_LINE_ID,
    name: 'Mid-block count',
    nameTh: 'จุดนับกลางช่วงถนน',
    points: [
      [0.5, 0.85],
      [0.5, 0.35],
    ],
  },
];

/** The plaza is 100 m² on the ground (from the calibration), so alertAbove 0.15/m² is 15 people. */
export const TEST_AREAS: Record<number, number> = { [CROWD_ZONE_ID]: 100 };
