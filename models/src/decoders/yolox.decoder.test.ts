// YOLOX decoding on a synthetic output with known cells.
import { describe, expect, it } from 'vitest';
import type { DecodeManifest } from './decode-options';
import { decodeYolox } from './yolox.decoder';

const manifest: DecodeManifest = {
  input: {
    name: 'images',
    width: 64,
    height: 32,
    colorOrder: 'BGR',
    layout: 'NCHW',
    resize: 'stretch',
    scale: 1,
  },
  labels: ['person', 'car'],
  scoreThreshold: 0.3,
  nmsIou: 0.45,
};
// Cells: stride 8 → 8×4, 16 → 4×2, 32 → 2×1; rows of dx, dy, lw, lh, obj, p(person), p(car).
const ROW = 7;
const CELLS = 32 + 8 + 2;

function output(rows: Record<number, number[]>): Float32Array {
  const out = new Float32Array(CELLS * ROW);
  for (const [cell, values] of Object.entries(rows)) out.set(values, Number(cell) * ROW);
  return out;
}

describe('decodeYolox', () => {
  it('decodes the grid cell, stride, size and class, then scales to source pixels', () => {
    // Cell 32 + 4*1 + 2 = stride 16, gx 2, gy 1.
    const rows = { 38: [0.5, 0.25, Math.log(2), 0, 0.9, 0.1, 0.8] };
    const [d, ...rest] = decodeYolox(output(rows), { manifest, scaleX: 2, scaleY: 0.5 });
    expect(rest).toEqual([]);
    // cx = (0.5 + 2)·16 = 40, cy = (0.25 + 1)·16 = 20, w = 32, h = 16.
    expect(d!.classId).toBe(1);
    expect(d!.label).toBe('car');
    expect(d!.score).toBeCloseTo(0.72, 6);
    expect(d!.box.map((v) => Math.round(v * 1e4) / 1e4)).toEqual([48, 6, 112, 14]);
  });

  it('drops scores under the threshold (obj × best class) and applies NMS', () => {
    const rows = {
      0: [0, 0, 0, 0, 0.5, 0.5, 0.1], // 0.25 < 0.3
      1: [0, 0, 1, 1, 0.9, 0.9, 0], // kept
      2: [-1, 0, 1, 1, 0.9, 0.8, 0], // same box as cell 1, lower score
      41: [0, 0, 0, 0, 0.6, 0, 0.6], // stride 32, gx 1
    };
    const found = decodeYolox(output(rows), { manifest, scaleX: 1, scaleY: 1 });
    expect(found.map((d) => [d.label, Math.round(d.score * 100)])).toEqual([
      ['person', 81],
      ['car', 36],
    ]);
  });

  it('rejects an output of the wrong size', () => {
    expect(() => decodeYolox(new Float32Array(10), { manifest, scaleX: 1, scaleY: 1 })).toThrow(
      /42 cells × 7/,
    );
  });
});
