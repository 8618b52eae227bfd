// YOLOX output [1, cells, 5 + classes] → detections in source pixels (grid decode, score filter, NMS).
import type { Detection } from '../detection.schema';
import type { DecodeOptions } from './decode-options';
import { nms } from './nms';

export const YOLOX_STRIDES = [8, 16, 32] as const;

export function decodeYolox(output: Float32Array, { manifest, scaleX, scaleY }: DecodeOptions): Detection[] {
  const { width, height } = manifest.input;
  const classes = manifest.labels.length;
  const rowLength = 5 + classes;
  const cells = YOLOX_STRIDES.reduce((n, s) => n + Math.ceil(width / s) * Math.ceil(height / s), 0);
  if (output.length !== cells * rowLength) {
    throw new Error(`YOLOX output has ${output.length} values, expected ${cells} cells × ${rowLength}`);
  }
  const candidates: Detection[] = [];
  let row = 0;
  for (const s of YOLOX_STRIDES) {
    const gridW = Math.ceil(width / s);
    const gridH = Math.ceil(height / s);
    for (let gy = 0; gy < gridH; gy++) {
      for (let gx = 0; gx < gridW; gx++, row++) {
        const o = row * rowLength;
        const objectness = output[o + 4]!;
        // score = obj · max(cls) cannot pass if obj alone does not.
        if (objectness < manifest.scoreThreshold) continue;
        let classId = 0;
        let best = output[o + 5]!;
        for (let c = 1; c < classes; c++) {
          const p = output[o + 5 + c]!;
          if (p > best) [best, classId] = [p, c];
        }
        const score = objectness * best;
        if (score < manifest.scoreThreshold) continue;
        const cx = (output[o]! + gx) * s;
        const cy = (output[o + 1]! + gy) * s;
        const w = Math.exp(output[o + 2]!) * s;
        const h = Math.exp(output[o + 3]!) * s;
        candidates.push({
          classId,
          label: manifest.labels[classId]!,
          score,
          box: [(cx - w / 2) * scaleX, (cy - h / 2) * scaleY, (cx + w / 2) * scaleX, (cy + h / 2) * scaleY],
        });
      }
    }
  }
  return nms(candidates, manifest.nmsIou);
}
