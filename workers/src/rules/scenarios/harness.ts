// Test harness: the test scene in pixels and a loop that feeds frames to one rule and collects what it returns.
import type { RuleFrame } from '../../pipeline/types';
import { toPixelScene, type PixelScene } from '../scene';
import { FRAME_HEIGHT, FRAME_WIDTH, TEST_AREAS, TEST_LINES, TEST_ZONES } from './test-scene';

export const testScene = (): PixelScene =>
  toPixelScene(TEST_ZONES, TEST_LINES, FRAME_WIDTH, FRAME_HEIGHT, TEST_AREAS);

/** Runs `step` on every frame and returns everything it produced, each item with the frame time in seconds from the first frame. */
export function collect<T>(
  frames: readonly RuleFrame[],
  step: (frame: RuleFrame) => readonly T[],
): { tS: number; item: T }[] {
  const start = frames[0]?.t ?? 0;
  return frames.flatMap((frame) => step(frame).map((item) => ({ tS: (frame.t - start) / 1000, item })));
}
