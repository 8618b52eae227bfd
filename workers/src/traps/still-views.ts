// The views of one still the detector looks at: whole, mirrored, and grids of overlapping tiles; boxes back to the still.
import type { Box } from '../pipeline/types';
import type { StillPathOptions } from './still-options';

export interface ViewRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface StillView {
  rect: ViewRect;
  /** Mirrored left to right before detection. */
  flip: boolean;
  /** 1 for the whole still, n for a tile of an n × n grid. */
  grid: number;
}

type ViewPlanOptions = Pick<StillPathOptions, 'flip' | 'grids' | 'tileOverlap' | 'minTileShare'>;

/** Start offsets of `n` windows of `size` covering `length` evenly (first at 0, last flush with the end). */
function starts(length: number, size: number, n: number): number[] {
  if (n === 1) return [0];
  return Array.from({ length: n }, (_, i) => Math.round(((length - size) * i) / (n - 1)));
}

/** `model` is the detector input's shorter side in pixels. */
export function planViews(
  width: number,
  height: number,
  model: number,
  options: ViewPlanOptions,
): StillView[] {
  const whole = { left: 0, top: 0, width, height };
  const views: StillView[] = [{ rect: whole, flip: false, grid: 1 }];
  if (options.flip) views.push({ rect: whole, flip: true, grid: 1 });
  for (const n of options.grids) {
    if (n < 2) continue;
    const tileW = Math.ceil(width / (n - (n - 1) * options.tileOverlap));
    const tileH = Math.ceil(height / (n - (n - 1) * options.tileOverlap));
    // Tiles smaller than the model input only upsample: no new detail, just more time.
    if (Math.min(tileW, tileH) < model * options.minTileShare) continue;
    for (const top of starts(height, tileH, n))
      for (const left of starts(width, tileW, n))
        views.push({ rect: { left, top, width: tileW, height: tileH }, flip: false, grid: n });
  }
  return views;
}

/** A box found in the view (view pixels, after the mirror if any) in still pixels. */
export function viewBoxToStill(box: Box, view: StillView): Box {
  const { left, top, width } = view.rect;
  const [x1, y1, x2, y2] = view.flip ? [width - box[2], box[1], width - box[0], box[3]] : box;
  return [x1 + left, y1 + top, x2 + left, y2 + top];
}

/** The square-ish region around a box for a closer look, with `margin` of its size on each side, inside the still. */
export function closeUpRect(box: Box, stillWidth: number, stillHeight: number, margin: number): ViewRect {
  const w = box[2] - box[0];
  const h = box[3] - box[1];
  const side = Math.max(w, h) * (1 + 2 * margin);
  const cx = (box[0] + box[2]) / 2;
  const cy = (box[1] + box[3]) / 2;
  const left = Math.max(0, Math.floor(cx - side / 2));
  const top = Math.max(0, Math.floor(cy - side / 2));
  const right = Math.min(stillWidth, Math.ceil(cx + side / 2));
  const bottom = Math.min(stillHeight, Math.ceil(cy + side / 2));
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}
