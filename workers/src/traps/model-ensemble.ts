// Two detectors' objects of one still blended: a second model's opinion where the first is measured weak (grey stills).
import { greedyMatch } from '../track/associate';
import type { FusedObject } from './view-fusion';
import { bestClass, blendScores } from './second-look';

/**
 * Objects of the two models that overlap by `sameObjectIou` are one (best pairs first, the tracker's matching); every
 * class score is `primaryWeight` of the first model's and the rest of the second's, a model that did not see the
 * object counting 0.
 */
export function blendModels(
  primary: readonly FusedObject[],
  second: readonly FusedObject[],
  primaryWeight: number,
  sameObjectIou: number,
): FusedObject[] {
  // Any labels may pair: the models may name one animal differently.
  const candidates = (objects: readonly FusedObject[]) =>
    objects.map((o) => ({ box: o.box, group: '', score: o.score }));
  const taken = new Uint8Array(second.length);
  const pairs = greedyMatch(
    candidates(primary),
    candidates(second),
    sameObjectIou,
    new Uint8Array(primary.length),
    taken,
  );
  const partnerOf = new Map(pairs);
  const merged = (a: FusedObject | undefined, b: FusedObject | undefined): FusedObject => {
    const scores = blendScores(a?.scores ?? {}, [b?.scores ?? {}], 1 - primaryWeight);
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
    ...second.filter((_, s) => !taken[s]).map((b) => merged(undefined, b)),
  ];
}
