// Greedy IoU matching of tracks to detections within class groups, optionally on buffered (enlarged) boxes.
import { iou } from '@toc/models/decoders/nms';
import { bufferBox } from '../lib/buffered-box';
import type { Box } from '../pipeline/types';

export interface MatchCandidate {
  box: Box;
  group: string;
}

export interface DetectionCandidate extends MatchCandidate {
  score: number;
}

/**
 * Pairs tracks with detections by descending IoU (ties: higher score, then earlier index), skipping
 * indices already marked in `trackUsed` / `detUsed` and marking the ones it pairs. Greedy instead of
 * Hungarian: with IoU gating the two rarely differ on road scenes and greedy is simpler and O(n log n)
 * in the candidate pairs. Returns [trackIndex, detectionIndex] pairs.
 */
export function greedyMatch(
  tracks: readonly MatchCandidate[],
  detections: readonly DetectionCandidate[],
  minIou: number,
  trackUsed: Uint8Array,
  detUsed: Uint8Array,
  buffer = 0,
): [number, number][] {
  const grow = (box: Box) => (buffer > 0 ? bufferBox(box, buffer) : box);
  const pairs: { t: number; d: number; iou: number }[] = [];
  for (let t = 0; t < tracks.length; t++) {
    if (trackUsed[t]) continue;
    const track = tracks[t]!;
    for (let d = 0; d < detections.length; d++) {
      if (detUsed[d]) continue;
      const det = detections[d]!;
      if (det.group !== track.group) continue;
      const overlap = iou(grow(track.box), grow(det.box));
      if (overlap >= minIou && overlap > 0) pairs.push({ t, d, iou: overlap });
    }
  }
  pairs.sort(
    (a, b) => b.iou - a.iou || detections[b.d]!.score - detections[a.d]!.score || a.t - b.t || a.d - b.d,
  );
  const matches: [number, number][] = [];
  for (const pair of pairs) {
    if (trackUsed[pair.t] || detUsed[pair.d]) continue;
    trackUsed[pair.t] = 1;
    detUsed[pair.d] = 1;
    matches.push([pair.t, pair.d]);
  }
  return matches;
}
