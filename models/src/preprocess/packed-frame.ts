// Packed HWC uint8 frame (ffmpeg rawvideo in the model's colour order) → NCHW float32 tensor; runs per frame.
import type { ColorOrder, ModelInput, ModelManifest } from '../manifest.schema';

// One 256-entry table per channel: the normalisation costs a lookup per byte and is exact in float32.
const tables = new WeakMap<ModelInput, Float32Array>();

function lookupTable(input: ModelInput): Float32Array {
  let table = tables.get(input);
  if (!table) {
    table = new Float32Array(3 * 256);
    for (let c = 0; c < 3; c++) {
      const mean = input.mean?.[c] ?? 0;
      const std = input.std?.[c] ?? 1;
      for (let v = 0; v < 256; v++) table[c * 256 + v] = (v * input.scale - mean) / std;
    }
    tables.set(input, table);
  }
  return table;
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
    throw new Error(`Frame has ${frame.length} bytes, expected ${plane * 3} (${input.width}×${input.height}×3)`);
  }
  const tensor = out ?? new Float32Array(plane * 3);
  if (tensor.length !== plane * 3) throw new Error(`Output buffer has ${tensor.length} floats, expected ${plane * 3}`);
  const table = lookupTable(input);
  // Byte offset of each tensor channel inside a pixel.
  const swap = frameOrder !== input.colorOrder;
  const b0 = swap ? 2 : 0;
  const b2 = swap ? 0 : 2;
  const plane2 = 2 * plane;
  for (let i = 0, p = 0; i < plane; i++, p += 3) {
    tensor[i] = table[frame[p + b0]!]!;
    tensor[plane + i] = table[256 + frame[p + 1]!]!;
    tensor[plane2 + i] = table[512 + frame[p + b2]!]!;
  }
  return tensor;
}
