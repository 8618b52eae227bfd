// Merging live-frame wishes into one bounded request, and delivery to the right tiles only.
import { describe, expect, it } from 'vitest';
import { FrameSubscriptions } from './frame-subscriptions';

const meta = (cameraId: number) => ({ cameraId, at: '2026-11-22T00:00:00Z', width: 640, height: 360, boxes: [] });

describe('FrameSubscriptions', () => {
  it('asks for nothing when nobody watches', () => {
    expect(new FrameSubscriptions().request()).toEqual({ cameraIds: [] });
  });

  it('merges cameras once each, with the largest fps and width, clamped to the server limits', () => {
    const subs = new FrameSubscriptions();
    subs.add(2, { maxFps: 1, maxWidth: 320 }, () => undefined);
    subs.add(2, { maxFps: 9, maxWidth: 4000 }, () => undefined);
    subs.add(5, { maxFps: 2, maxWidth: 100 }, () => undefined);
    expect(subs.request()).toEqual({ cameraIds: [2, 5], maxFps: 5, maxWidth: 1280 });
  });

  it('stops asking for a camera once its last viewer leaves, and delivers only to that camera', () => {
    const subs = new FrameSubscriptions();
    const seen: number[] = [];
    const stop = subs.add(3, { maxFps: 2, maxWidth: 640 }, (m) => seen.push(m.cameraId));
    subs.add(4, { maxFps: 2, maxWidth: 640 }, () => undefined);
    subs.deliver(meta(3), new Blob());
    subs.deliver(meta(4), new Blob());
    expect(seen).toEqual([3]);
    stop();
    expect(subs.request().cameraIds).toEqual([4]);
  });
});
