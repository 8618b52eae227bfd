// Manifests: the shipped ones load and agree with ../shared; invalid ones and unknown ids fail clearly.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COCO80_LABELS } from './coco-labels';
import { getManifest, listModels, parseManifest } from './registry';
import { sharedDir } from './shared-paths';

type Editable = Record<string, unknown> & { input: Record<string, unknown> };
const valid = (): Editable =>
  JSON.parse(readFileSync(new URL('../manifests/yolox_nano_416.json', import.meta.url), 'utf8'));

describe('registry', () => {
  it('lists the three detectors with their labels resolved', () => {
    expect(listModels().map((m) => m.id)).toEqual(['picodet_s_320', 'picodet_s_416', 'yolox_nano_416']);
    for (const m of listModels()) expect(m.labels).toEqual(COCO80_LABELS);
  });

  it('uses the COCO names of ../shared/models/coco80.names', () => {
    const names = readFileSync(path.join(sharedDir(), 'models', 'coco80.names'), 'utf8')
      .trim()
      .split('\n');
    expect(COCO80_LABELS).toEqual(names);
    expect(COCO80_LABELS[20]).toBe('elephant');
  });

  it('names the known ids when asked for an unknown one', () => {
    expect(() => getManifest('yolov8n')).toThrow(
      'Unknown model id "yolov8n"; known models: picodet_s_320, picodet_s_416, yolox_nano_416',
    );
  });

  it('returns frozen manifests', () => {
    const m = getManifest('yolox_nano_416');
    expect(Object.isFrozen(m) && Object.isFrozen(m.input) && Object.isFrozen(m.labels)).toBe(true);
  });
});

describe('parseManifest', () => {
  it('accepts inline labels', () => {
    expect(parseManifest({ ...valid(), labels: ['a', 'b'] }).labels).toEqual(['a', 'b']);
  });

  it.each([
    ['a bad colour order', (m: Editable) => (m.input.colorOrder = 'BRG'), '/input/colorOrder'],
    ['a short sha256', (m: Editable) => (m.sha256 = 'abc'), '/sha256'],
    ['a missing decoder', (m: Editable) => delete m.decoder, 'decoder'],
    ['an unknown label set', (m: Editable) => (m.labels = 'voc20'), '/labels'],
    ['an unknown field', (m: Editable) => (m.extra = 1), 'extra'],
    ['a letterbox without padValue', (m: Editable) => delete m.input.padValue, '/input/padValue'],
    ['a mean without std', (m: Editable) => (m.input.mean = [0, 0, 0]), 'mean and std'],
  ])('rejects %s with a message naming the field', (_, mutate, field) => {
    const manifest = valid();
    mutate(manifest);
    expect(() => parseManifest(manifest, 'test.json')).toThrow(/^Invalid model manifest test\.json: /);
    expect(() => parseManifest(manifest, 'test.json')).toThrow(field);
  });
});
