// One object detected twice under labels of one class group (a van as car and truck: class-wise NMS keeps both) is one
// detection for the tracker, the most confident; otherwise two tracks share it and one flies off on the other's box.
import type { Detection } from '@toc/models';
import { nms } from '@toc/models/decoders/nms';
import type { GroupOf } from './class-groups';

/** The decoders' NMS again, with the class group as the class, at `maxIou`. Order is kept. */
export function suppressGroupDuplicates(
  detections: readonly Detection[],
  groupOf: GroupOf,
  maxIou: number,
): Detection[] {
  if (detections.length < 2) return [...detections];
  const groupIds = new Map<string, number>();
  const keyed = detections.map((d, index) => {
    const group = groupOf(d.label);
    if (!groupIds.has(group)) groupIds.set(group, groupIds.size);
    return { classId: groupIds.get(group)!, score: d.score, box: d.box, index };
  });
  return nms(keyed, maxIou)
    .sort((a, b) => a.index - b.index)
    .map((k) => detections[k.index]!);
}
