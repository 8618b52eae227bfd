// Packed HWC uint8 frame (ffmpeg rawvideo in the model's colour order) → NCHW float32 tensor; runs per frame.
import type { ColorOrder, ModelInput, ModelManifest } from '../manifest.schema';

/** Per-channel gain and offset: value = byte × gain + offset = (byte × scale − mean) / std. */
export function affine(input: ModelInput): [number, number, number, number, number, number] {
  const gain = (c: number) => input.scale / (input.std?.[c] ?? 1);
  const offset = (c: number) => -(input.mean?.[c] ?? 0) / (input.std?.[c] ?? 1);
  return [gain(0), gain(1), gain(2), offset(0), offset(1), offset(2)];
}

/**
 * `frame` holds width × height × 3 bytes in manifest.input.colorOrder (what frameGeometry's filter
 * outputs). Pass `out` (3 × width × height floats) to reuse one buffer across frames; it is returned.
 */
export function tensorFromPackedFrame(
  frame: Uint8Array,
  manifest: Pick<ModelManifest, 'input'>,
  out?: Float32Array,
): Float32Array {
  return packedToTensor(frame, manifest.input, manifest.input.colorOrder, out);
}

/** Same as tensorFromPackedFrame for a frame whose bytes are in `frameOrder` (e.g. RGB from sharp). */
export function packedToTensor(
  frame: Uint8Array,
  input: ModelInput,
  frameOrder: ColorOrder,
  out?: Float32Array,
): Float32Array {
  const plane = input.width * input.height;
  if (frame.length !== plane * 3) {
    throw new Error(
      `Frame has ${frame.length} bytes, expected ${plane * 3} (${input.width}×${input.height}×3)`,
    );
  }
  const tensor = out ?? new Float32Array(plane * 3);
  if (tensor.length !== plane * 3)
    throw new Error(`Output buffer has ${tensor.length} floats, expected ${plane * 3}`);
  // A multiply-add per byte measured ~2.7× faster than a 256-entry lookup table (no dependent load).
  const [g0, g1, g2, o0, o1, o2] = affine(input);
  const plane2 = 2 * plane;
  // Two copies of the loop so the byte offsets are constants (measured ~1.8× faster than variable ones).
  if (frameOrder === input.colorOrder) {
    for (let i = 0, p = 0; i < plane; i++, p += 3) {
      tensor[i] = frame[p]! * g0 + o0;
      tensor[plane + i] = frame[p + 1]! * g1 + o1;
      tensor[plane2 + i] = frame[p + 2]! * g2 + o2;
    }
  } else {
    for (let i = 0, p = 0; i < plane; i++, p += 3) {
      tensor[i] = frame[p + 2]! * g0 + o0;
      tensor[plane + i] = frame[p + 1]! * g1 + o1;
      tensor[plane2 + i] = frame[p]! * g2 + o2;
    }
  }
  return tensor;
}

/**
 * The model input from a model-sized square of a larger packed frame (a tile of a tiled canvas): `frameWidth` is
 * the canvas width in pixels, (x, y) the tile's top-left corner. Bytes are in the model's colour order.
 */
export function tensorFromPackedRegion(
  frame: Uint8Array,
  frameWidth: number,
  x: number,
  y: number,
  manifest: Pick<ModelManifest, 'input'>,
): Float32Array {
  const { width, height } = manifest.input;
  const frameHeight = frame.length / 3 / frameWidth;
  if (!Number.isInteger(frameHeight) || x < 0 || y < 0 || x + width > frameWidth || y + height > frameHeight) {
    throw new Error(`Tile ${width}×${height} at ${x},${y} does not fit a ${frameWidth}-wide frame of ${frame.length} bytes`);
  }
  const plane = width * height;
  const tensor = new Float32Array(plane * 3);
  const [g0, g1, g2, o0, o1, o2] = affine(manifest.input);
  for (let row = 0; row < height; row++) {
    let p = ((y + row) * frameWidth + x) * 3;
    const start = row * width;
    for (let i = start; i < start + width; i++, p += 3) {
      tensor[i] = frame[p]! * g0 + o0;
      tensor[plane + i] = frame[p + 1]! * g1 + o1;
      tensor[2 * plane + i] = frame[p + 2]! * g2 + o2;
    }
  }
  return tensor;
}
