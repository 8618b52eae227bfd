// Two detectors' objects of one still blended: a second model's opinion where the first is measured weak (grey stills).
import { iou } from '@toc/models/decoders/nms';
import type { FusedObject } from './view-fusion';
import { bestClass, type ClassScores } from './second-look';

function blend(a: ClassScores, b: ClassScores, weight: number): ClassScores {
  const out: ClassScores = {};
  for (const label of new Set([...Object.keys(a), ...Object.keys(b)]))
    out[label] = weight * (a[label] ?? 0) + (1 - weight) * (b[label] ?? 0);
  return out;
}

/**
 * Objects of the two models that overlap above `sameObjectIou` are one (best pairs first); every class score is
 * `primaryWeight` of the first model's and the rest of the second's, a model that did not see the object counting 0.
 */
export function blendModels(
  primary: readonly FusedObject[],
  second: readonly FusedObject[],
  primaryWeight: number,
  sameObjectIou: number,
): FusedObject[] {
  const pairs: { p: number; s: number; overlap: number }[] = [];
  primary.forEach((a, p) =>
    second.forEach((b, s) => {
      const overlap = iou(a.box, b.box);
      if (overlap > sameObjectIou) pairs.push({ p, s, overlap });
    }),
  );
  pairs.sort((x, y) => y.overlap - x.overlap);
  const partnerOf = new Map<number, number>();
  const taken = new Set<number>();
  for (const { p, s } of pairs) {
    if (partnerOf.has(p) || taken.has(s)) continue;
    partnerOf.set(p, s);
    taken.add(s);
  }
  const merged = (a: FusedObject | undefined, b: FusedObject | undefined): FusedObject => {
    const scores = blend(a?.scores ?? {}, b?.scores ?? {}, primaryWeight);
    const classIds = { ...b?.classIds, ...a?.classIds };
    const top = bestClass(scores) ?? { label: (a ?? b)!.label, score: 0 };
    return {
      box: (a ?? b)!.box,
      classId: classIds[top.label] ?? (a ?? b)!.classId,
      label: top.label,
      score: top.score,
      scores,
      classIds,
      voters: (a?.voters ?? 0) + (b?.voters ?? 0),
      found: (a?.found ?? 0) + (b?.found ?? 0),
    };
  };
  return [
    ...primary.map((a, p) => merged(a, partnerOf.has(p) ? second[partnerOf.get(p)!] : undefined)),
    ...second.filter((_, s) => !taken.has(s)).map((b) => merged(undefined, b)),
  ];
}
