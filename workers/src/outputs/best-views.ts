// Keeps, per live track, its best look so far (the frame where it scored highest) as a small raw crop, so an
// incident's close-up shows the object at its clearest rather than at the moment the rule fired.
import { toContent, type FrameLayout } from '../pipeline/frame-layout';
import type { Box, Track } from '../pipeline/types';

export interface BestView {
  score: number;
  t: number;
  width: number;
  height: number;
  /** Packed, 3 bytes per pixel, in the model's colour order. */
  pixels: Uint8Array;
}

/** Context kept around the box on each side, as a share of its size. */
const MARGIN = 0.25;

/** Source pixels → pixels of the picture inside the packed frame, widened by the margin and clamped to it. */
function region(box: Box, layout: FrameLayout): { left: number; top: number; width: number; height: number } {
  const [x1, y1, x2, y2] = toContent(box, layout);
  const w = x2 - x1;
  const h = y2 - y1;
  const left = Math.max(0, Math.floor(x1 - w * MARGIN));
  const top = Math.max(0, Math.floor(y1 - h * MARGIN));
  const right = Math.min(layout.contentWidth, Math.ceil(x2 + w * MARGIN));
  const bottom = Math.min(layout.contentHeight, Math.ceil(y2 + h * MARGIN));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

export function cropPacked(frame: Uint8Array, layout: FrameLayout, box: Box): Omit<BestView, 'score' | 't'> {
  const r = region(box, layout);
  const pixels = new Uint8Array(r.width * r.height * 3);
  for (let y = 0; y < r.height; y++) {
    const from = ((r.top + y) * layout.frameWidth + r.left) * 3;
    pixels.set(frame.subarray(from, from + r.width * 3), y * r.width * 3);
  }
  return { width: r.width, height: r.height, pixels };
}

export class BestViews {
  private readonly views = new Map<number, BestView>();

  /** Call with the tracks of a frame that went through the detector. */
  update(tracks: readonly Track[], frame: Uint8Array, layout: FrameLayout, t: number): void {
    const live = new Set<number>();
    for (const track of tracks) {
      live.add(track.id);
      // Only a frame where the detector actually saw it; a predicted box may be off the object.
      if (track.missed !== 0) continue;
      const best = this.views.get(track.id);
      if (best && best.score >= track.score) continue;
      this.views.set(track.id, { score: track.score, t, ...cropPacked(frame, layout, track.box) });
    }
    for (const id of this.views.keys()) if (!live.has(id)) this.views.delete(id);
  }

  get(trackId: number): BestView | undefined {
    return this.views.get(trackId);
  }

  get size(): number {
    return this.views.size;
  }
}
