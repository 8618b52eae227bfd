// Test-time augmentation: the detections of every view of a still, fused into objects with one score per class.
import type { Detection } from '@toc/models';
import type { Box } from '../pipeline/types';
import { boxHeight, boxWidth, coverage, iou } from '../rules/box-geometry';
import type { StillPathOptions } from './still-options';
import type { StillView } from './still-views';

export interface ViewDetections {
  view: StillView;
  /** Still pixels per model-input pixel in this view: how finely the view resolves an object. */
  pixelsPerModelPx: number;
  /** In still pixels. */
  detections: readonly Detection[];
}

export interface FusedObject {
  /** The box of the best-scoring detection of the object. */
  box: Box;
  classId: number;
  label: string;
  score: number;
  /** Per class, the mean of its best `agreeViews` views among those that could see the object (a miss counts 0). */
  scores: Record<string, number>;
  classIds: Record<string, number>;
  /** Views that could see the object, and how many of them found it. */
  voters: number;
  found: number;
}

type FusionOptions = Pick<
  StillPathOptions,
  'agreeViews' | 'minObjectPx' | 'minCoverage' | 'sameObjectIou' | 'sameObjectContainment' | 'largeAnimals'
>;

interface Member {
  detection: Detection;
  view: number;
}

const rectBox = ({ rect }: StillView): Box => [
  rect.left,
  rect.top,
  rect.left + rect.width,
  rect.top + rect.height,
];

/** A box cut by a tile edge that is not the still's own edge: only part of the object is in it. */
function cutByView(box: Box, view: StillView, still: { width: number; height: number }): boolean {
  const { left, top, width, height } = view.rect;
  const near = 2;
  return (
    (left > 0 && box[0] <= left + near) ||
    (top > 0 && box[1] <= top + near) ||
    (left + width < still.width && box[2] >= left + width - near) ||
    (top + height < still.height && box[3] >= top + height - near)
  );
}

export function fuseViews(
  views: readonly ViewDetections[],
  still: { width: number; height: number },
  options: FusionOptions,
): FusedObject[] {
  const large = new Set(options.largeAnimals);
  const group = (label: string) => (large.has(label) ? 'large animal' : label);
  const members: Member[] = views.flatMap((v, view) =>
    v.detections.map((detection) => ({ detection, view })),
  );
  members.sort((a, b) => b.detection.score - a.detection.score);

  // Greedy, best first: each detection joins the first object of its group it overlaps (or is a cut part of).
  const clusters: Member[][] = [];
  for (const m of members) {
    const cluster = clusters.find((c) => {
      const anchor = c[0]!.detection;
      if (group(anchor.label) !== group(m.detection.label)) return false;
      if (iou(anchor.box, m.detection.box) > options.sameObjectIou) return true;
      const cut = cutByView(m.detection.box, views[m.view]!.view, still);
      return cut && coverage(m.detection.box, anchor.box) > options.sameObjectContainment;
    });
    if (cluster) cluster.push(m);
    else clusters.push([m]);
  }

  return clusters.map((cluster) => {
    const anchor = cluster[0]!.detection;
    const side = Math.min(boxWidth(anchor.box), boxHeight(anchor.box));
    const canSee = views.map(
      (v) =>
        coverage(anchor.box, rectBox(v.view)) >= options.minCoverage &&
        side / v.pixelsPerModelPx >= options.minObjectPx,
    );
    // An object too small for every view: judge it by the views that found it.
    if (!canSee.some(Boolean)) for (const m of cluster) canSee[m.view] = true;
    const voters = canSee.filter(Boolean).length;
    const best = new Map<string, number>(); // `${view}:${label}` → best score in that view
    const classIds: Record<string, number> = {};
    for (const { detection, view } of cluster) {
      if (!canSee[view]) continue;
      const key = `${view}:${detection.label}`;
      best.set(key, Math.max(best.get(key) ?? 0, detection.score));
      classIds[detection.label] = detection.classId;
    }
    const byLabel = new Map<string, number[]>();
    for (const [key, score] of best) {
      const label = key.slice(key.indexOf(':') + 1);
      byLabel.set(label, [...(byLabel.get(label) ?? []), score]);
    }
    // Views disagree at different scales (a nano model knows elephants best at mid size): the best few views
    // agreeing is the evidence; one view alone counts for a share of it, so a single-view fluke is damped.
    const n = Math.min(options.agreeViews, voters);
    const scores: Record<string, number> = {};
    for (const [label, list] of byLabel)
      scores[label] =
        [...list]
          .sort((a, b) => b - a)
          .slice(0, n)
          .reduce((s, v) => s + v, 0) / n;
    const [label, score] = Object.entries(scores).sort((a, b) => b[1] - a[1])[0] ?? [anchor.label, 0];
    const found = new Set(cluster.filter((m) => canSee[m.view]).map((m) => m.view)).size;
    return {
      box: anchor.box,
      classId: classIds[label] ?? anchor.classId,
      label,
      score,
      scores,
      classIds,
      voters,
      found,
    };
  });
}
