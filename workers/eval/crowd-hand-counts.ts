// Hand-counted people in frames of the pedestrian clip: the ground truth for the crowd count evaluation.

export interface HandCountedFrame {
  /** Seconds into the clip; the frame ffmpeg returns for `-ss t` (10 fps clip, so frame t × 10). */
  t: number;
  /** Every person visible anywhere in the frame, however occluded. */
  people: number;
  note?: string;
}

export interface HandCountedClip {
  /** File name under ../shared/media. */
  file: string;
  width: number;
  height: number;
  frames: HandCountedFrame[];
}

/** Counted by eye on 2× enlargements of each frame (the whole picture, edges included). */
export const VTEST_HAND_COUNTS: HandCountedClip = {
  file: 'opencv_vtest.avi',
  width: 768,
  height: 576,
  frames: [
    { t: 3, people: 5, note: 'group of three by the sign, one half hidden behind it' },
    { t: 11, people: 6, note: 'one behind the sign, one far away on the upper path' },
    { t: 19, people: 7 },
    { t: 27, people: 7, note: 'one behind the sign' },
    { t: 35, people: 6, note: 'one behind the sign, only head and feet visible' },
    { t: 43, people: 3 },
    { t: 51, people: 7, note: 'two cut by the bottom edge' },
    { t: 59, people: 6, note: 'two overlapping on the right; one cut by the bottom edge' },
    { t: 67, people: 8, note: 'two overlapping on the left; one head behind the parked car, top right' },
    { t: 75, people: 8, note: 'one small by the parked car, top right' },
  ],
};
