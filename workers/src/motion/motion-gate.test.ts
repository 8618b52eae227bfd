import { describe, expect, it } from 'vitest';
import type { Box } from '../pipeline/types';
import { greyThumbnail } from './grey-thumbnail';
import {
  createMotionGate,
  motionGateStats,
  regionsToSource,
  updateMotionGate,
  type GreyFrame,
} from './motion-gate';

const W = 104;
const H = 78;

/** A textured road-like scene, brightened by `offset`, with optional bright squares [x, y, size]. */
function scene(offset = 0, squares: [number, number, number][] = []): GreyFrame {
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const texture = 60 + ((x * 7 + y * 13) % 40) + (y > 40 ? 30 : 0);
      data[y * W + x] = Math.min(255, Math.max(0, Math.round(texture + offset)));
    }
  }
  for (const [sx, sy, size] of squares) {
    for (let y = sy; y < sy + size; y++) for (let x = sx; x < sx + size; x++) data[y * W + x] = 230;
  }
  return { data, width: W, height: H };
}

const contains = (outer: Box, inner: Box): boolean =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

describe('motion gate', () => {
  it('sees no motion in a static scene and detects only first and on recheck', () => {
    let state = createMotionGate({ recheckMs: 2000 });
    const reasons: string[] = [];
    for (let t = 0; t <= 5000; t += 100) {
      const result = updateMotionGate(state, scene(), t);
      state = result.state;
      expect(result.motion).toBe(false);
      expect(result.regions).toEqual([]);
      if (result.detect) reasons.push(`${t}:${result.reason}`);
    }
    expect(reasons).toEqual(['0:first', '2000:recheck', '4000:recheck']);
    expect(motionGateStats(state)).toEqual({
      frames: 51,
      detected: 3,
      gated: 48,
      byReason: { first: 1, motion: 0, recheck: 2, idle: 48 },
      gatedRatio: 48 / 51,
    });
  });

  it('finds a moving bright square as one region around it', () => {
    // The square enters after the first frame: a background learnt with it would leave a ghost where it started.
    let state = createMotionGate();
    state = updateMotionGate(state, scene(), 0).state;
    for (let i = 1; i <= 30; i++) {
      const x = 10 + 2 * i;
      const result = updateMotionGate(state, scene(0, [[x, 30, 8]]), i * 100);
      state = result.state;
      expect(result).toMatchObject({ motion: true, detect: true, reason: 'motion' });
      expect(result.motionRatio).toBeGreaterThan(0.002);
      expect(result.regions).toHaveLength(1);
      const region = result.regions[0]!;
      expect(contains(region, [x, 30, x + 8, 38])).toBe(true);
      // Only the square, its fading trail and the dilation: nowhere near the rest of the view.
      expect(region[2] - region[0]).toBeLessThan(40);
      expect(region[3] - region[1]).toBeLessThanOrEqual(8 + 2);
      expect(region[2]).toBeLessThanOrEqual(x + 8 + 1);
    }
  });

  it('settles once a moving object stops, then only rechecks', () => {
    let state = createMotionGate({ recheckMs: 2000 });
    for (let i = 0; i <= 10; i++)
      state = updateMotionGate(state, scene(0, [[10 + 3 * i, 30, 8]]), i * 100).state;
    const reasons: string[] = [];
    for (let t = 1100; t <= 8000; t += 100) {
      const result = updateMotionGate(state, scene(0, [[40, 30, 8]]), t);
      state = result.state;
      reasons.push(result.reason);
    }
    const lastMotion = reasons.lastIndexOf('motion');
    expect(lastMotion).toBeGreaterThanOrEqual(0);
    expect(1100 + lastMotion * 100).toBeLessThan(4000);
    expect(reasons.slice(lastMotion + 1).every((r) => r === 'idle' || r === 'recheck')).toBe(true);
    expect(reasons.filter((r) => r === 'recheck').length).toBeGreaterThanOrEqual(2);
  });

  it('ignores slow global brightness drift, with or without global compensation', () => {
    for (const compensateGlobal of [true, false]) {
      let state = createMotionGate({ compensateGlobal });
      for (let i = 0; i <= 300; i++) {
        // +0.3 grey levels per 100 ms: +90 over 30 s, like a cloud clearing or dusk.
        const result = updateMotionGate(state, scene(i * 0.3), i * 100);
        state = result.state;
        expect(result.motion).toBe(false);
      }
    }
  });

  it('ignores a sudden exposure step when compensating, and reports it otherwise', () => {
    const step = (compensateGlobal: boolean) => {
      const state = updateMotionGate(createMotionGate({ compensateGlobal }), scene(), 0).state;
      return updateMotionGate(state, scene(40), 100);
    };
    expect(step(true).motion).toBe(false);
    expect(step(false)).toMatchObject({ motion: true, reason: 'motion' });
  });

  it('drops isolated noisy pixels as tiny regions', () => {
    const state = updateMotionGate(createMotionGate(), scene(), 0).state;
    const noisy = scene();
    for (let k = 0; k < 30; k++) noisy.data[((k * 7) % H) * W + ((k * 37) % W)] = 255;
    const result = updateMotionGate(state, noisy, 100);
    expect(result.motionRatio).toBeGreaterThan(0.002);
    expect(result).toMatchObject({ motion: false, regions: [], detect: false, reason: 'idle' });
  });

  it('restarts on a new thumbnail size or when time goes backwards', () => {
    let state = updateMotionGate(createMotionGate(), scene(), 1000).state;
    state = updateMotionGate(state, scene(), 1100).state;
    expect(updateMotionGate(state, scene(), 500).reason).toBe('first');
    const small: GreyFrame = { data: new Uint8Array(50 * 40), width: 50, height: 40 };
    expect(updateMotionGate(state, small, 600).reason).toBe('first');
  });

  it('scales thumbnail regions to source pixels', () => {
    const scale = { scaleX: 1920 / 416, scaleY: 1080 / 234 };
    const expectBoxes = (actual: Box[], expected: Box[]) => {
      expect(actual).toHaveLength(expected.length);
      actual.forEach((box, i) => box.forEach((v, k) => expect(v).toBeCloseTo(expected[i]![k]!, 6)));
    };
    expectBoxes(regionsToSource([[10, 5, 20, 15]], 4, scale), [
      [(40 * 1920) / 416, (20 * 1080) / 234, (80 * 1920) / 416, (60 * 1080) / 234],
    ]);
    // The last thumbnail column ends at the content edge = the source edge; clamping catches rounding past it.
    expectBoxes(regionsToSource([[100, 50, 104, 58]], 4, scale, { width: 1920, height: 1080 }), [
      [(400 * 1920) / 416, (200 * 1080) / 234, 1920, (232 * 1080) / 234],
    ]);
    expect(regionsToSource([[100, 50, 110, 300]], 4, scale, { width: 1920, height: 1080 })[0]).toEqual([
      expect.any(Number),
      expect.any(Number),
      1920,
      1080,
    ]);
    expect(regionsToSource([[1, 2, 3, 4]], 2)).toEqual([[2, 4, 6, 8]]);
  });

  it('locates motion in a letterboxed model frame in source pixels', () => {
    // 1920 × 1080 source in a 416 × 416 letterbox: content 416 × 234 at the top-left.
    const scale = { scaleX: 1920 / 416, scaleY: 1080 / 234 };
    const frameAt = (x: number): Buffer => {
      const frame = Buffer.alloc(416 * 416 * 3, 114);
      for (let y = 0; y < 234; y++) {
        for (let px = 0; px < 416; px++) {
          const v = px >= x && px < x + 24 && y >= 100 && y < 124 ? 240 : 40 + ((px + y) % 16);
          frame.fill(v, (y * 416 + px) * 3, (y * 416 + px) * 3 + 3);
        }
      }
      return frame;
    };
    const options = { frameWidth: 416, contentWidth: 416, contentHeight: 234 };
    const state = updateMotionGate(createMotionGate(), greyThumbnail(frameAt(200), options), 0).state;
    const thumb = greyThumbnail(frameAt(216), options);
    expect(thumb).toMatchObject({ width: 104, height: 58, factor: 4 });
    const result = updateMotionGate(state, thumb, 100);
    expect(result.motion).toBe(true);
    const [region] = regionsToSource(result.regions, thumb.factor, scale, { width: 1920, height: 1080 });
    // The square now covers model x 216..240, y 100..124.
    expect(
      contains(region!, [216 * scale.scaleX, 100 * scale.scaleY, 240 * scale.scaleX, 124 * scale.scaleY]),
    ).toBe(true);
    expect(region![0]).toBeGreaterThan(180 * scale.scaleX);
    expect(region![2]).toBeLessThan(260 * scale.scaleX);
  });
});
