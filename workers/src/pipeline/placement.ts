// Puts tracks on the map: ground position of each track's newest point through the calibration, and speed in km/h.
import { groundDistanceM } from '@toc/server/geometry/local-metres';
import { imageToGround, type GroundCalibration } from '@toc/server/geometry/calibration';
import type { LonLat } from '@toc/server/schemas';
import type { Box, Track, TrackPoint } from './types';

/** Speed over about this long: shorter is jittery, longer lags a sudden stop. */
const SPEED_WINDOW_MS = 1000;

export interface FrameSize {
  width: number;
  height: number;
}

/** Where the object touches the ground: the bottom centre of its box, as image fractions. */
export const contactPoint = (box: Box, frame: FrameSize): [number, number] => [
  (box[0] + box[2]) / 2 / frame.width,
  box[3] / frame.height,
];

export function groundOf(calibration: GroundCalibration, box: Box, frame: FrameSize): LonLat | null {
  return imageToGround(calibration, contactPoint(box, frame));
}

function speedKmh(history: readonly TrackPoint[], newest: TrackPoint): number | null {
  if (!newest.ground) return null;
  for (let i = history.length - 2; i >= 0; i--) {
    const earlier = history[i]!;
    if (newest.t - earlier.t < SPEED_WINDOW_MS) continue;
    if (!earlier.ground) return null;
    return (groundDistanceM(earlier.ground, newest.ground) / ((newest.t - earlier.t) / 1000)) * 3.6;
  }
  return null;
}

/** Fills `ground` and `speedKmh` on the newest history point of each track (earlier points were filled before). */
export function placeTracks(tracks: readonly Track[], calibration: GroundCalibration | null, frame: FrameSize): void {
  if (!calibration) return;
  for (const track of tracks) {
    const newest = track.history[track.history.length - 1];
    if (!newest || newest.ground) continue;
    newest.ground = groundOf(calibration, newest.box, frame);
    newest.speedKmh = speedKmh(track.history, newest);
  }
}
