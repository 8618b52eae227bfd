// Bounding boxes of connected groups of changed pixels on the motion gate's small grid.
import type { Box } from '../pipeline/types';

/** Reusable buffers, sized for one grid. */
export interface RegionScratch {
  size: number;
  horizontal: Uint8Array;
  dilated: Uint8Array;
  stack: Int32Array;
}

export function regionScratch(size: number): RegionScratch {
  return {
    size,
    horizontal: new Uint8Array(size),
    dilated: new Uint8Array(size),
    stack: new Int32Array(size),
  };
}

/** Square dilation by `radius` as two 1-D passes; writes scratch.dilated. */
function dilate(
  mask: Uint8Array,
  width: number,
  height: number,
  radius: number,
  scratch: RegionScratch,
): Uint8Array {
  const { horizontal, dilated } = scratch;
  if (radius <= 0) {
    dilated.set(mask.subarray(0, width * height));
    return dilated;
  }
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let on = 0;
      const x0 = Math.max(0, x - radius);
      const x1 = Math.min(width - 1, x + radius);
      for (let k = x0; k <= x1 && !on; k++) on = mask[row + k]!;
      horizontal[row + x] = on;
    }
  }
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(height - 1, y + radius);
    for (let x = 0; x < width; x++) {
      let on = 0;
      for (let k = y0; k <= y1 && !on; k++) on = horizontal[k * width + x]!;
      dilated[y * width + x] = on;
    }
  }
  return dilated;
}

/**
 * 8-connected components of the mask after dilation (which joins the broken outline of one moving
 * object). Boxes are in grid pixels with exclusive right/bottom edges ([x, y, x + 1, y + 1] is one
 * pixel). A component with fewer than `minPixels` changed pixels (before dilation) is dropped as noise.
 */
export function findRegions(
  mask: Uint8Array,
  width: number,
  height: number,
  radius: number,
  minPixels: number,
  scratch: RegionScratch = regionScratch(width * height),
): Box[] {
  const grown = dilate(mask, width, height, radius, scratch);
  const { stack } = scratch;
  const regions: Box[] = [];
  for (let start = 0; start < width * height; start++) {
    if (grown[start] !== 1) continue;
    // Visited pixels are marked 2 in the dilated buffer, so no separate label array is needed.
    grown[start] = 2;
    let top = 0;
    stack[top++] = start;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    let changed = 0;
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % width;
      const y = (i - x) / width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      changed += mask[i]!;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny++) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx++) {
          const j = ny * width + nx;
          if (grown[j] === 1) {
            grown[j] = 2;
            stack[top++] = j;
          }
        }
      }
    }
    if (changed >= minPixels) regions.push([minX, minY, maxX + 1, maxY + 1]);
  }
  return regions;
}
