import { describe, expect, it } from 'vitest';
import type { FrameLayout } from '../pipeline/frame-layout';
import type { Track } from '../pipeline/types';
import { BestViews, cropPacked } from './best-views';

// Source 800×400 shown at half size in a 400×400 letterboxed frame (content 400×200).
const layout: FrameLayout = { frameWidth: 400, frameHeight: 400, contentWidth: 400, contentHeight: 200, colorOrder: 'BGR', sourceWidth: 800, sourceHeight: 400 };

const track = (id: number, score: number, missed = 0): Track => ({
  id,
  classId: 2,
  label: 'car',
  score,
  peakScore: score,
  state: 'confirmed',
  box: [200, 100, 280, 140],
  velocity: [0, 0],
  hits: 5,
  missed,
  firstSeen: 0,
  lastSeen: 0,
  history: [],
});

/** Every pixel's first byte is its x, its second its y (mod 256). */
const frame = () => {
  const data = new Uint8Array(400 * 400 * 3);
  for (let y = 0; y < 400; y++) for (let x = 0; x < 400; x++) data.set([x % 256, y % 256, 7], (y * 400 + x) * 3);
  return data;
};

describe('best views', () => {
  it('crops the box (with a margin) from the picture inside the frame', () => {
    const crop = cropPacked(frame(), layout, [200, 100, 280, 140]);
    // Source box 200..280 × 100..140 is 100..140 × 50..70 in the frame, plus 25 % each side.
    expect([crop.width, crop.height]).toEqual([60, 30]);
    expect([crop.pixels[0], crop.pixels[1]]).toEqual([90, 45]);
  });

  it('keeps the highest-scoring detected look at each live track and forgets tracks that are gone', () => {
    const views = new BestViews();
    views.update([track(1, 0.6)], frame(), layout, 1);
    views.update([track(1, 0.9)], frame(), layout, 2);
    views.update([track(1, 0.7)], frame(), layout, 3);
    views.update([track(1, 0.99, 2)], frame(), layout, 4); // predicted, not seen: ignored
    expect(views.get(1)).toMatchObject({ score: 0.9, t: 2 });
    views.update([track(2, 0.5)], frame(), layout, 5);
    expect(views.get(1)).toBeUndefined();
    expect(views.size).toBe(1);
  });
});
