// The second look at a large animal: a close-up of its box is detected again and weighs in before the decision.
import type { Detection } from '@toc/models';
import type { Box } from '../pipeline/types';
import { iou } from '../rules/box-geometry';

export type ClassScores = Record<string, number>;

/** Per class, the best score among the close-up's detections that are the object at `box` (both in still pixels). */
export function closeUpScores(
  detections: readonly Detection[],
  box: Box,
  sameObjectIou: number,
): ClassScores {
  const scores: ClassScores = {};
  for (const d of detections) {
    if (iou(d.box, box) <= sameObjectIou) continue;
    scores[d.label] = Math.max(scores[d.label] ?? 0, d.score);
  }
  return scores;
}

/** The views' scores blended with the mean of the close-ups: `weight` is the close-ups' share. */
export function blendScores(
  views: ClassScores,
  closeUps: readonly ClassScores[],
  weight: number,
): ClassScores {
  if (closeUps.length === 0) return { ...views };
  const labels = new Set([...Object.keys(views), ...closeUps.flatMap((c) => Object.keys(c))]);
  const blended: ClassScores = {};
  for (const label of labels) {
    const closer = closeUps.reduce((sum, c) => sum + (c[label] ?? 0), 0) / closeUps.length;
    blended[label] = (1 - weight) * (views[label] ?? 0) + weight * closer;
  }
  return blended;
}

/** The class the object is, by its best blended score (ties keep the first listed). */
export function bestClass(scores: ClassScores): { label: string; score: number } | null {
  let top: { label: string; score: number } | null = null;
  for (const [label, score] of Object.entries(scores)) if (!top || score > top.score) top = { label, score };
  return top;
}
