import { describe, expect, it } from 'vitest';
import { getManifest, type BoxScale, type DetectResult, type ObjectDetector } from '@toc/models';
import { CameraPipeline } from './camera-pipeline';
import { FrameDrain } from './frame-drain';
import type { FrameStepResult } from './frame-step';

/** A detector whose answers the test releases one by one, recording when each request arrived. */
function scriptedDetector() {
  const calls: { t: number; release: () => void }[] = [];
  const detector: ObjectDetector = {
    manifest: getManifest('yolox_nano_416'),
    detect: (_tensor: Float32Array, _scale: BoxScale) =>
      new Promise<DetectResult>((resolve) => {
        calls.push({ t: calls.length, release: () => resolve({ detections: [], inferenceMs: 1 }) });
      }),
    close: async () => undefined,
  };
  return { detector, calls };
}

const layout = { frameWidth: 416, frameHeight: 416, contentWidth: 416, contentHeight: 234, colorOrder: 'BGR' as const, sourceWidth: 640, sourceHeight: 360 };
const frame = () => new Uint8Array(416 * 416 * 3);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('frame drain', () => {
  it('keeps two frames with the detector, tracks them in order and drops the stale waiting one', async () => {
    const { detector, calls } = scriptedDetector();
    const pipeline = new CameraPipeline(layout, { zones: [], lines: [], calibration: null }, { gating: false });
    const ctx = { pipeline, detector, scale: { scaleX: 1, scaleY: 1 } };
    const results: number[] = [];
    const drain = new FrameDrain(ctx, (r: FrameStepResult) => void results.push(r.prepared.t), (e) => {
      throw e;
    });
    const offer = (t: number) => drain.offer({ frame: frame(), t, detect: true });

    offer(1);
    offer(2); // queued behind frame 1 in the detector, so it never waits for us
    expect(calls).toHaveLength(2);
    offer(3); // waits
    expect(offer(4)).toBe(true); // frame 3 was never sent: the newest waiting frame wins
    calls[0]!.release();
    await tick();
    expect(results).toEqual([1]);
    expect(calls).toHaveLength(3); // frame 4 went as soon as frame 1 came back
    calls[2]!.release(); // out of order in time: still tracked after frame 2
    await tick();
    expect(results).toEqual([1]);
    calls[1]!.release();
    await drain.idle();
    expect(results).toEqual([1, 2, 4]);
    expect(drain.skipped).toBe(1);
  });

  it('reports a failed detection and carries on with the next frame', async () => {
    const errors: string[] = [];
    const results: number[] = [];
    let n = 0;
    const detector: ObjectDetector = {
      manifest: getManifest('yolox_nano_416'),
      detect: async () => {
        if (n++ === 0) throw new Error('bad frame');
        return { detections: [], inferenceMs: 1 };
      },
      close: async () => undefined,
    };
    const pipeline = new CameraPipeline(layout, { zones: [], lines: [], calibration: null }, { gating: false });
    const drain = new FrameDrain({ pipeline, detector, scale: { scaleX: 1, scaleY: 1 } }, (r) => void results.push(r.prepared.t), (e) => errors.push(e.message));
    drain.offer({ frame: frame(), t: 1, detect: true });
    await drain.idle();
    drain.offer({ frame: frame(), t: 2, detect: true });
    await drain.idle();
    expect(errors).toEqual(['bad frame']);
    expect(results).toEqual([2]);
  });
});
