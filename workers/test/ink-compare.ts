// Compares two renderings of one page by where their ink is, tolerant of anti-aliasing, gamma and sub-pixel shifts.
import sharp from 'sharp';

/** One grey channel, 0 = black, row by row. */
export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

export async function greyImage(
  png: Buffer | string,
  crop?: { left: number; top: number; width: number; height: number },
): Promise<GreyImage> {
  let image = sharp(png).greyscale();
  if (crop) image = image.extract(crop);
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected one channel, got ${info.channels}`);
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

export interface InkTolerance {
  /** Grey below which a pixel is the core of a stroke. */
  dark: number;
  /** Grey below which a pixel carries any ink at all (an anti-aliased edge). */
  faint: number;
  /** How far, in pixels, the other rendering may have put the same ink. */
  radius: number;
}

/**
 * Pixels that are stroke cores in one image with no ink at all within `radius` in the other, counted both ways.
 * Two renderers of the same glyphs differ in edge shading and by a fraction of a pixel in placement, which this
 * ignores; a mark drawn in the wrong place leaves cores with nothing near them.
 */
export function unexplainedInk(a: GreyImage, b: GreyImage, t: InkTolerance): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  const { width, height } = a;
  const inkNear = (img: GreyImage, x: number, y: number): boolean => {
    for (let yy = Math.max(0, y - t.radius); yy <= Math.min(height - 1, y + t.radius); yy++) {
      for (let xx = Math.max(0, x - t.radius); xx <= Math.min(width - 1, x + t.radius); xx++) {
        if (img.data[yy * width + xx]! < t.faint) return true;
      }
    }
    return false;
  };
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if ((a.data[i]! < t.dark && !inkNear(b, x, y)) || (b.data[i]! < t.dark && !inkNear(a, x, y))) count++;
    }
  }
  return count;
}

/** Reads a QR code's modules from an image: `box` is the symbol with its quiet zone, `side` modules across. */
export function readQrModules(
  img: GreyImage,
  box: { x: number; y: number; size: number },
  side: number,
): boolean[][] {
  const pitch = box.size / side;
  return Array.from({ length: side }, (_, row) =>
    Array.from({ length: side }, (_, col) => {
      // The centre of each module: far from the edges where renderers shade differently.
      const x = Math.round(box.x + (col + 0.5) * pitch);
      const y = Math.round(box.y + (row + 0.5) * pitch);
      return img.data[y * img.width + x]! < 128;
    }),
  );
}
