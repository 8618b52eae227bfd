// One frame forward or back: the picture's frame rate read from the frames actually shown, and the time to seek to.

export const DEFAULT_FPS = 25;

/**
 * Frames per second from the gaps between the media times of frames shown one after another: the smallest gap is one
 * frame (at high speed the screen shows only every few frames). 25 until a gap has been seen.
 */
export function estimateFps(gapsSeconds: readonly number[]): number {
  const smallest = Math.min(...gapsSeconds.filter((gap) => gap > 1 / 121));
  return Number.isFinite(smallest) ? Math.min(120, Math.max(1, 1 / smallest)) : DEFAULT_FPS;
}

/**
 * Where to seek from the frame shown at `frameTime` to show the next (1) or previous (-1) one: a quarter of a frame into
 * it, so rounding never lands back on the frame shown or skips one.
 */
export const frameStepTarget = (frameTime: number, fps: number, direction: 1 | -1): number =>
  Math.max(0, frameTime + (direction + 0.25) / fps);
