// Denser test frames from real ones: n × n hand-counted frames scaled into one camera-sized picture.
import sharp from 'sharp';

export interface MosaicCell {
  /** Index into the list of source frames. */
  frame: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface MosaicPlan {
  grid: number;
  cells: MosaicCell[];
  /** Sum of the hand counts of the frames in it. */
  truth: number;
}

/**
 * `count` mosaics of grid × grid cells; mosaic k takes frames k, k+1, … (cyclic), so every frame appears equally
 * often and no two mosaics are the same while count ≤ number of frames.
 */
export function planMosaics(
  truths: readonly number[],
  grid: number,
  count: number,
  width: number,
  height: number,
): MosaicPlan[] {
  if (!Number.isInteger(grid) || grid < 1) throw new Error(`grid must be a positive integer, got ${grid}`);
  if (truths.length === 0) throw new Error('no frames to build mosaics from');
  const cellWidth = Math.floor(width / grid);
  const cellHeight = Math.floor(height / grid);
  const plans: MosaicPlan[] = [];
  for (let k = 0; k < count; k++) {
    const cells: MosaicCell[] = [];
    for (let j = 0; j < grid * grid; j++) {
      const frame = (k + j) % truths.length;
      cells.push({
        frame,
        left: (j % grid) * cellWidth,
        top: Math.floor(j / grid) * cellHeight,
        width: cellWidth,
        height: cellHeight,
      });
    }
    plans.push({ grid, cells, truth: cells.reduce((sum, c) => sum + truths[c.frame]!, 0) });
  }
  return plans;
}

/** Writes the mosaic as a PNG of width × height (a grey margin where the cells do not divide it evenly). */
export async function writeMosaic(
  plan: MosaicPlan,
  frameFiles: readonly string[],
  width: number,
  height: number,
  out: string,
): Promise<void> {
  const parts = await Promise.all(
    plan.cells.map(async (c) => ({
      input: await sharp(frameFiles[c.frame]!).resize(c.width, c.height, { fit: 'fill' }).toBuffer(),
      left: c.left,
      top: c.top,
    })),
  );
  await sharp({ create: { width, height, channels: 3, background: { r: 114, g: 114, b: 114 } } })
    .composite(parts)
    .png()
    .toFile(out);
}
