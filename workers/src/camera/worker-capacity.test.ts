// Small: a worker takes cameras as its measured detector time allows, none while one is short of frames.
import { describe, expect, it } from 'vitest';
import { workerCapacity, type CameraLoad } from './worker-capacity';

const OPTIONS = { ceiling: 32, startCameras: 4, inferenceShare: 0.8 };
const camera = (fps: number, ms: number | null, shortOfFrames = false): CameraLoad => ({
  detectFps: fps,
  inferenceMsPerFrame: ms,
  shortOfFrames,
  silent: false,
});
const silentCamera = (ms: number | null): CameraLoad => ({ ...camera(5, ms), silent: true });

describe('workerCapacity', () => {
  it('takes the start allowance before any camera is measured', () => {
    expect(workerCapacity([], OPTIONS)).toMatchObject({ cameras: 4, reason: 'unmeasured' });
    expect(workerCapacity([camera(5, null)], OPTIONS)).toMatchObject({ cameras: 4, reason: 'unmeasured' });
    expect(workerCapacity([], { ...OPTIONS, ceiling: 2 }).cameras).toBe(2);
  });

  it('fills the detector budget with cameras that cost what the measured ones do', () => {
    // 2 cameras at 5 fps × 40 ms = 400 ms/s of 800: room for 2 more like them.
    const capacity = workerCapacity([camera(5, 40), camera(5, 40)], OPTIONS);
    expect(capacity).toEqual({ cameras: 4, reason: 'measured', demandMsPerS: 400, budgetMsPerS: 800 });
    // A faster detector leaves room for more; a slower one for none.
    expect(workerCapacity([camera(5, 10)], OPTIONS).cameras).toBe(16);
    expect(workerCapacity([camera(5, 100), camera(5, 100)], OPTIONS).cameras).toBe(2);
  });

  it('counts a camera not yet measured as the mean of the measured ones', () => {
    // 3 cameras of 200 ms/s (one guessed) = 600 of 800: room for one more, not two.
    const capacity = workerCapacity([camera(5, 40), camera(5, 40), camera(5, null)], OPTIONS);
    expect(capacity).toMatchObject({ cameras: 4, demandMsPerS: 600 });
    expect(workerCapacity([camera(5, 30), camera(5, 30), camera(5, null)], OPTIONS)).toMatchObject({
      cameras: 5,
      demandMsPerS: 450,
    });
  });

  it('takes no camera while one is short of frames, and drops none it runs', () => {
    const capacity = workerCapacity([camera(5, 10), camera(5, 10, true)], OPTIONS);
    expect(capacity).toMatchObject({ cameras: 2, reason: 'short' });
    // Over budget: it keeps the cameras it has and takes no more.
    expect(workerCapacity([camera(10, 50), camera(10, 50)], OPTIONS)).toMatchObject({
      cameras: 2,
      reason: 'measured',
      demandMsPerS: 1000,
    });
  });

  it('gives a silent camera its slot but no detector time', () => {
    // Dead cameras do not fill a worker that has measured nothing yet…
    expect(workerCapacity([silentCamera(null), silentCamera(null)], OPTIONS)).toMatchObject({
      cameras: 6,
      reason: 'unmeasured',
    });
    // …nor one that has: 2 live cameras of 200 ms/s leave room for 2 more whatever the silent ones once cost.
    const loads = [camera(5, 40), camera(5, 40), silentCamera(40), silentCamera(null)];
    expect(workerCapacity(loads, OPTIONS)).toMatchObject({ cameras: 6, demandMsPerS: 400 });
  });

  it('never passes the ceiling, however fast the detector', () => {
    expect(workerCapacity([camera(5, 1)], { ...OPTIONS, ceiling: 8 })).toMatchObject({
      cameras: 8,
      reason: 'ceiling',
    });
    expect(workerCapacity([camera(5, 0)], OPTIONS)).toMatchObject({ cameras: 32, reason: 'ceiling' });
  });
});
