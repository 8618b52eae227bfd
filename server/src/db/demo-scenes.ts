// Scenes for the real clips in ../shared/media: the demo cameras, the evaluation and the tests use the same ones.
import type { CameraSceneInput, CalibrationPair } from '../schemas';

/**
 * The street clip (640×360): the inbound carriageway on the left comes toward the camera (down the image).
 * Only the inbound side has a roadway zone; the far side's direction is not known well enough to judge wrong-way.
 */
export const STREET_SCENE: CameraSceneInput = {
  zones: [
    {
      kind: 'roadway',
      name: 'Inbound carriageway',
      nameTh: 'ช่องทางขาเข้า',
      polygon: [
        [0.3, 0.3],
        [0.42, 0.3],
        [0.64, 1],
        [0.17, 1],
      ],
      direction: [0, 1],
    },
    {
      kind: 'sidewalk',
      name: 'Left footpath',
      nameTh: 'ทางเท้าซ้าย',
      polygon: [
        [0.1, 0.45],
        [0.17, 0.45],
        [0.15, 1],
        [0.05, 1],
      ],
    },
  ],
  lines: [{ name: 'Inbound count line', nameTh: 'เส้นนับรถขาเข้า', points: [[0.18, 0.72], [0.6, 0.72]] }],
};

/** The campus clip (768×576): the whole view is a public area where people gather. */
export const PEDESTRIAN_SCENE: CameraSceneInput = {
  zones: [
    {
      kind: 'crowd_area',
      name: 'Temple square',
      nameTh: 'ลานวัด',
      polygon: [
        [0.02, 0.02],
        [0.98, 0.02],
        [0.98, 0.98],
        [0.02, 0.98],
      ],
      // Without calibration the thresholds are people in the zone.
      alertAbove: 7,
      clearBelow: 4,
    },
  ],
  lines: [],
};

/**
 * An approximate calibration of the street view for the demo: lane markings ~3.5 m apart and dashes ~12 m apart,
 * anchored at a camera position. Good to a few metres, enough to place incidents and estimate speeds.
 */
export function streetCalibrationPairs(anchor: { lon: number; lat: number }, headingDeg: number): CalibrationPair[] {
  const layout: [number, number, number, number][] = [
    // image x, image y, metres right of the view axis, metres ahead along it
    [0.22, 0.95, -5, 12],
    [0.58, 0.95, 5, 12],
    [0.3, 0.55, -5, 36],
    [0.5, 0.55, 5, 36],
    [0.37, 0.38, -5, 70],
  ];
  const heading = (headingDeg * Math.PI) / 180;
  const metresPerDegLat = 110_574;
  const metresPerDegLon = 111_320 * Math.cos((anchor.lat * Math.PI) / 180);
  return layout.map(([x, y, right, ahead]) => {
    const east = ahead * Math.sin(heading) + right * Math.cos(heading);
    const north = ahead * Math.cos(heading) - right * Math.sin(heading);
    return { image: [x, y], ground: { lon: anchor.lon + east / metresPerDegLon, lat: anchor.lat + north / metresPerDegLat } };
  });
}

