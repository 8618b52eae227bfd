import { describe, expect, it } from 'vitest';
import type { Box, TrackPoint } from '../pipeline/types';
import {
  DEFAULT_MOTION_OPTIONS,
  abruptStopScore,
  advanceMotion,
  analyseMotion,
  initialMotion,
  smoothedSpeedAt,
  speedSeries,
  stoppedForS,
  type MotionState,
} from './motion-stats';
import { buildFrames, speedKeys, type ActorSpec } from './scenarios/builder';

/** History of one straight-moving box sampled at 5 fps: contact x follows `xAt(tS)`. */
function history(
  xAt: (tS: number) => number,
  options: { durationS: number; height?: number; kmhAt?: (tS: number) => number },
): TrackPoint[] {
  const h = options.height ?? 60;
  const points: TrackPoint[] = [];
  for (let i = 0; i <= options.durationS * 5; i++) {
    const tS = i / 5;
    const x = xAt(tS);
    const box: Box = [x - 50, 400 - h, x + 50, 400];
    points.push({ t: 1000 + i * 200, box, ground: null, speedKmh: options.kmhAt ? options.kmhAt(tS) : null });
  }
  return points;
}

const CAR: Omit<ActorSpec, 'speeds' | 'appearS'> = {
  id: 1,
  label: 'car',
  size: [110, 60],
  path: [
    [-50, 420],
    [6000, 420],
  ],
};

/** Runs the motion state frame by frame over a single actor, like the rules do. */
function motionOver(
  actor: ActorSpec,
  durationS: number,
  historyLength = 50,
): { state: MotionState; startMs: number } {
  const frames = buildFrames([actor], { durationS, historyLength });
  let state = initialMotion();
  for (const frame of frames) {
    const track = frame.tracks[0];
    if (track) state = advanceMotion(state, track.history);
  }
  return { state, startMs: frames[0]!.t };
}

describe('motion stats', () => {
  it('measures speed in box heights per second without calibration, independent of box size', () => {
    const near = history((t) => 100 + 120 * t, { durationS: 3, height: 60 });
    const far = history((t) => 100 + 60 * t, { durationS: 3, height: 30 });
    expect(smoothedSpeedAt(near, near.length - 1, 1)).toMatchObject({
      unit: 'bh_s',
      speed: expect.closeTo(2, 5),
    });
    expect(smoothedSpeedAt(far, far.length - 1, 1)!.speed).toBeCloseTo(2, 5);
  });

  it('uses km/h when the history carries calibrated speeds', () => {
    const points = history((t) => 100 + 120 * t, { durationS: 2, kmhAt: (t) => (t < 1.5 ? 30 : 40) });
    const sample = smoothedSpeedAt(points, points.length - 1, 1)!;
    expect(sample.unit).toBe('kmh');
    // Points at 1.0 … 2.0 s: three at 30, three at 40.
    expect(sample.speed).toBeCloseTo(35);
  });

  it('waits for most of the window before reporting a speed', () => {
    const points = history((t) => 100 + 120 * t, { durationS: 2 });
    expect(smoothedSpeedAt(points, 2, 1)).toBeNull();
    expect(speedSeries(points, 1)).toHaveLength(points.length - 3);
  });

  it('holds its phase while the speed wanders between the thresholds (hysteresis)', () => {
    // 0.25 bh/s: below "moving" (0.35), above "stopped" (0.12); starts stopped, then creeps.
    const points = history((t) => (t < 3 ? 100 : 100 + 15 * (t - 3)), { durationS: 8 });
    const state = analyseMotion(points);
    expect(state.phase).toBe('stopped');
    expect(state.hasMoved).toBe(false);
    expect(state.speed).toBeCloseTo(0.25, 1);
  });

  it('looks back to the moment the vehicle came to rest', () => {
    // 300 px/s, brakes 2 → 5 s, stands.
    const { state, startMs } = motionOver(
      {
        ...CAR,
        appearS: 0,
        speeds: speedKeys(0, 300, 2, 300, 5, 0),
      },
      12,
    );
    expect(state.phase).toBe('stopped');
    expect(state.hasMoved).toBe(true);
    expect((state.stoppedSince! - startMs) / 1000).toBeCloseTo(5, 0);
    expect(stoppedForS(state, startMs + 12_000)).toBeCloseTo(7, 0);
  });

  it('remembers a stop longer than the bounded history', () => {
    const { state, startMs } = motionOver(
      {
        ...CAR,
        appearS: 0,
        speeds: speedKeys(0, 300, 2, 300, 5, 0),
      },
      60,
      20,
    );
    expect(state.phase).toBe('stopped');
    expect(state.lastStop?.hadMoved).toBe(true);
    expect((state.stoppedSince! - startMs) / 1000).toBeCloseTo(5, 0);
  });

  it('tells an abrupt stop from a normal brake', () => {
    const criteria = { minSpeed: { kmh: 20, bhS: 2 }, dropRatio: 0.8, keepRatio: 0.7 };
    const abrupt = motionOver(
      {
        ...CAR,
        appearS: 0,
        speeds: speedKeys(0, 330, 3, 330, 3.6, 0),
      },
      8,
    ).state.lastStop!;
    const gentle = motionOver(
      {
        ...CAR,
        appearS: 0,
        speeds: speedKeys(0, 330, 2, 330, 5, 0),
      },
      10,
    ).state.lastStop!;
    expect(abruptStopScore(abrupt, criteria)).toBeGreaterThan(0.8);
    expect(abrupt.preSpeed! / abrupt.cruiseSpeed!).toBeGreaterThan(0.9);
    expect(abruptStopScore(gentle, criteria)).toBeNull();
    expect(gentle.preSpeed! / gentle.cruiseSpeed!).toBeLessThan(0.5);
  });

  it('restarts the classification when the unit changes', () => {
    const pixels = history((t) => 100 + 120 * t, { durationS: 3 });
    const moving = analyseMotion(pixels);
    expect(moving).toMatchObject({ phase: 'moving', unit: 'bh_s' });
    const later = history((t) => 460 + 0 * t, { durationS: 3, kmhAt: () => 0 }).map((p) => ({
      ...p,
      t: p.t + 4000,
    }));
    const next = advanceMotion(moving, [...pixels, ...later], DEFAULT_MOTION_OPTIONS);
    expect(next).toMatchObject({ phase: 'stopped', unit: 'kmh' });
  });
});
