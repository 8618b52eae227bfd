// One object detected twice under labels of one class group (a van as car and truck: class-wise NMS keeps both) is one
// detection for the tracker, the most confident; otherwise two tracks share it and one flies off on the other's box.
import type { Detection } from '@toc/models';
import { iou } from '@toc/models/decoders/nms';
import type { GroupOf } from './class-groups';

/** Keeps, of detections of one group overlapping at `minIou` or more, only the highest-scoring. Order is kept. */
export function suppressGroupDuplicates(
  detections: readonly Detection[],
  groupOf: GroupOf,
  minIou: number,
): Detection[] {
  if (detections.length < 2) return [...detections];
  const byScore = detections.map((d, index) => ({ d, index, group: groupOf(d.label) }));
  byScore.sort((a, b) => b.d.score - a.d.score);
  const kept: typeof byScore = [];
  for (const candidate of byScore) {
    const duplicate = kept.some(
      (k) => k.group === candidate.group && iou(k.d.box, candidate.d.box) >= minIou,
    );
    if (!duplicate) kept.push(candidate);
  }
  return kept.sort((a, b) => a.index - b.index).map((k) => k.d);
}
