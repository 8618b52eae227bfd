// PP-PicoDet outputs (class scores + GFL box distributions per stride) → detections in source pixels.
import type { Detection } from '../detection.schema';
import type { DecodeOptions } from './decode-options';
import { nms } from './nms';

export const PICODET_STRIDES = [8, 16, 32, 64] as const;
/** Bins of the distance distribution per box side (reg_max + 1). */
export const PICODET_BINS = 8;

export interface PicodetOutputs {
  /** Per stride, [cells, classes] sigmoided class scores. */
  scores: readonly Float32Array[];
  /** Per stride, [cells, 4 × PICODET_BINS] distance logits for the sides l, t, r, b. */
  boxes: readonly Float32Array[];
}

export function decodePicodet(
  outputs: PicodetOutputs,
  { manifest, scaleX, scaleY }: DecodeOptions,
): Detection[] {
  const { width, height } = manifest.input;
  const classes = manifest.labels.length;
  const sideLength = 4 * PICODET_BINS;
  const candidates: Detection[] = [];
  PICODET_STRIDES.forEach((s, level) => {
    const gridW = Math.ceil(width / s);
    const cells = gridW * Math.ceil(height / s);
    const scores = outputs.scores[level];
    const boxes = outputs.boxes[level];
    if (scores?.length !== cells * classes || boxes?.length !== cells * sideLength) {
      throw new Error(
        `PicoDet stride ${s}: expected ${cells}×${classes} scores and ${cells}×${sideLength} box values, ` +
          `got ${scores?.length ?? 0} and ${boxes?.length ?? 0}`,
      );
    }
    for (let cell = 0; cell < cells; cell++) {
      const o = cell * classes;
      let classId = 0;
      let score = scores[o]!;
      for (let c = 1; c < classes; c++) {
        if (scores[o + c]! > score) [score, classId] = [scores[o + c]!, c];
      }
      if (score < manifest.scoreThreshold) continue;
      const cx = (cell % gridW) * s + (s - 1) / 2;
      const cy = Math.floor(cell / gridW) * s + (s - 1) / 2;
      const b = cell * sideLength;
      const l = expectedBin(boxes, b) * s;
      const t = expectedBin(boxes, b + PICODET_BINS) * s;
      const r = expectedBin(boxes, b + 2 * PICODET_BINS) * s;
      const btm = expectedBin(boxes, b + 3 * PICODET_BINS) * s;
      candidates.push({
        classId,
        label: manifest.labels[classId]!,
        score,
        box: [(cx - l) * scaleX, (cy - t) * scaleY, (cx + r) * scaleX, (cy + btm) * scaleY],
      });
    }
  });
  return nms(candidates, manifest.nmsIou);
}

/** Softmax over PICODET_BINS logits starting at `offset`, then the expected bin index. */
function expectedBin(logits: Float32Array, offset: number): number {
  let max = -Infinity;
  for (let j = 0; j < PICODET_BINS; j++) max = Math.max(max, logits[offset + j]!);
  let sum = 0;
  let weighted = 0;
  for (let j = 0; j < PICODET_BINS; j++) {
    const e = Math.exp(logits[offset + j]! - max);
    sum += e;
    weighted += e * j;
  }
  return weighted / sum;
}
