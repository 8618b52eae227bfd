// PicoDet GFL decoding on a synthetic output with known cells.
import { describe, expect, it } from 'vitest';
import type { DecodeManifest } from './decode-options';
import { decodePicodet, PICODET_BINS, PICODET_STRIDES } from './picodet.decoder';

const S = 64;
const manifest: DecodeManifest = {
  input: {
    name: 'image',
    width: S,
    height: S,
    colorOrder: 'RGB',
    layout: 'NCHW',
    resize: 'stretch',
    scale: 1,
  },
  labels: ['person', 'car', 'elephant'],
  scoreThreshold: 0.35,
  nmsIou: 0.5,
};

function emptyOutputs() {
  const cells = PICODET_STRIDES.map((s) => Math.ceil(S / s) ** 2);
  return {
    scores: cells.map((n) => new Float32Array(n * manifest.labels.length)),
    boxes: cells.map((n) => new Float32Array(n * 4 * PICODET_BINS)),
  };
}

/** Logits whose softmax is (almost) all on `bin`. */
const peaked = (bin: number) => Array.from({ length: PICODET_BINS }, (_, j) => (j === bin ? 30 : 0));

describe('decodePicodet', () => {
  it('measures the sides from the cell centre gx·s + (s−1)/2 and scales x and y separately', () => {
    const outputs = emptyOutputs();
    // Stride 16 (level 1, 4×4 grid): cell gx 1, gy 2 → centre (23.5, 39.5).
    const cell = 2 * 4 + 1;
    outputs.scores[1]!.set([0.1, 0.2, 0.9], cell * 3);
    outputs.boxes[1]!.set([...peaked(1), ...peaked(2), ...peaked(0), ...peaked(3)], cell * 32);
    const [d, ...rest] = decodePicodet(outputs, { manifest, scaleX: 2, scaleY: 0.5 });
    expect(rest).toEqual([]);
    expect(d!.label).toBe('elephant');
    expect(d!.score).toBeCloseTo(0.9, 6);
    // l = 16, t = 32, r = 0, b = 48.
    expect(d!.box.map((v) => Math.round(v * 1e3) / 1e3)).toEqual([
      (23.5 - 16) * 2,
      (39.5 - 32) / 2,
      23.5 * 2,
      (39.5 + 48) / 2,
    ]);
  });

  it('takes the expectation of the softmax over the bins', () => {
    const outputs = emptyOutputs();
    outputs.scores[3]!.set([0.5, 0, 0], 0); // stride 64, the only cell, centre 31.5
    outputs.boxes[3]!.set(new Array(32).fill(0), 0); // uniform → expected bin 3.5
    const [d] = decodePicodet(outputs, { manifest, scaleX: 1, scaleY: 1 });
    expect(d!.box).toEqual([31.5 - 3.5 * 64, 31.5 - 3.5 * 64, 31.5 + 3.5 * 64, 31.5 + 3.5 * 64]);
  });

  it('keeps nothing under the threshold and rejects outputs of the wrong size', () => {
    const outputs = emptyOutputs();
    outputs.scores[0]!.fill(0.34);
    expect(decodePicodet(outputs, { manifest, scaleX: 1, scaleY: 1 })).toEqual([]);
    outputs.boxes[2] = new Float32Array(5);
    expect(() => decodePicodet(outputs, { manifest, scaleX: 1, scaleY: 1 })).toThrow(/stride 32/);
  });
});
