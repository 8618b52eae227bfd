// Test support: the reference images and detections in ../shared, and how detections are compared with them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { iou } from '../decoders/nms';
import type { Detection } from '../detection.schema';
import { sharedDir } from '../shared-paths';

/** Keys of ../shared/models/expected/*.json → image files in ../shared/media. */
export const REFERENCE_IMAGES: Readonly<Record<string, string>> = {
  dog: 'darknet_dog.jpg',
  person: 'darknet_person.jpg',
  horses: 'darknet_horses.jpg',
  ctai_african_elephants: 'cameratrapai_african_elephants.jpg',
  ctai_vehicle: 'cameratrapai_vehicle.jpg',
  ctai_blank: 'cameratrapai_blank.jpg',
  odc_001: 'odc_street_frame001.jpg',
  odc_250: 'odc_street_frame250.jpg',
  vtest_frame: 'opencv_vtest_frame_t10s.jpg',
};

export interface ReferenceDetection {
  cls: string;
  score: number;
  box: [number, number, number, number];
}

export function readExpected(modelId: string): Record<string, ReferenceDetection[]> {
  const file = path.join(sharedDir(), 'models', 'expected', `${modelId}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ReferenceDetection[]>;
}

export function readMedia(file: string): Buffer {
  return readFileSync(path.join(sharedDir(), 'media', file));
}

export interface Comparison {
  /** Reference boxes with no detection of the same class at IoU ≥ minIou. */
  missing: ReferenceDetection[];
  /** Detections matched to no reference box. */
  extra: Detection[];
  maxScoreDiff: number;
  lowestIou: number;
}

/** Greedy, highest reference score first: each reference box takes the best same-class detection left. */
export function compareWithReference(
  expected: readonly ReferenceDetection[],
  detections: readonly Detection[],
  minIou = 0.9,
): Comparison {
  const used = new Set<number>();
  const missing: ReferenceDetection[] = [];
  let maxScoreDiff = 0;
  let lowestIou = 1;
  for (const ref of [...expected].sort((a, b) => b.score - a.score)) {
    let best = -1;
    let bestIou = minIou;
    detections.forEach((d, i) => {
      const overlap = d.label === ref.cls && !used.has(i) ? iou(d.box, ref.box) : 0;
      if (overlap >= bestIou) [best, bestIou] = [i, overlap];
    });
    if (best < 0) {
      missing.push(ref);
      continue;
    }
    used.add(best);
    maxScoreDiff = Math.max(maxScoreDiff, Math.abs(detections[best]!.score - ref.score));
    lowestIou = Math.min(lowestIou, bestIou);
  }
  return { missing, extra: detections.filter((_, i) => !used.has(i)), maxScoreDiff, lowestIou };
}

/** The agreed tolerance: at most one missing or extra box per image, and only a low-score one (< 0.4). */
export function withinTolerance({ missing, extra }: Comparison): boolean {
  const unmatched = [...missing.map((m) => m.score), ...extra.map((e) => e.score)];
  return unmatched.length === 0 || (unmatched.length === 1 && unmatched[0]! < 0.4);
}
