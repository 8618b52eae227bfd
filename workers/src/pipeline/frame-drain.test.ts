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
  it('sends the next frame to the detector before the previous one is tracked, keeps order, drops the stale one', async () => {
    const { detector, calls } = scriptedDetector();
    const pipeline = new CameraPipeline(layout, { zones: [], lines: [], calibration: null }, { gating: false });
    const ctx = { pipeline, detector, scale: { scaleX: 1, scaleY: 1 } };
    const results: number[] = [];
    const drain = new FrameDrain(ctx, (r: FrameStepResult) => void results.push(r.prepared.t), (e) => {
      throw e;
    });
    const offer = (t: number) => drain.offer({ frame: frame(), t, tensors: [new Float32Array(3 * 416 * 416)] });

    offer(1);
    await tick();
    expect(calls).toHaveLength(1);
    offer(2); // waits while frame 1 is detected
    expect(offer(3)).toBe(true); // frame 2 was never sent: the newest frame wins
    calls[0]!.release();
    await tick();
    // Frame 3 went to the detector as soon as frame 1 came back, and frame 1 was tracked meanwhile.
    expect(calls).toHaveLength(2);
    expect(results).toEqual([1]);
    calls[1]!.release();
    await drain.idle();
    expect(results).toEqual([1, 3]);
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
    drain.offer({ frame: frame(), t: 1, tensors: [new Float32Array(3)] });
    await drain.idle();
    drain.offer({ frame: frame(), t: 2, tensors: [new Float32Array(3)] });
    await drain.idle();
    expect(errors).toEqual(['bad frame']);
    expect(results).toEqual([2]);
  });
});
