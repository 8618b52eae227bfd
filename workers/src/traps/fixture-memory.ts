// A camera trap's memory of where it has seen elephants: one seen in the same place on several separate visits hours
// apart, or where an operator called the trap's sighting a false alarm, is a fixture (a statue, a painted wall, a
// sign), not an animal — MegaDetector's repeat detection elimination, applied as each still arrives.
import { iou } from '@toc/models/decoders/nms';
import type { Detection } from '@toc/models';

type Box = Detection['box'];

/** A box as shares of the still's width and height (0–1), so stills of other sizes compare. */
export type ShareBox = Box;

/** An elephant-like object a trap saw earlier. */
export interface RememberedObject {
  takenAt: number;
  box: ShareBox;
  /** An operator marked the sighting this object raised a false alarm. */
  dismissed?: boolean;
}

export interface FixtureMemoryOptions {
  /** Objects labelled so (at any score from `rememberMinScore`) are remembered and can be fixtures. */
  label: string;
  /** Below the sighting score, so a fixture that flickers around it still builds its history. */
  rememberMinScore: number;
  /** Two boxes are the same place above this IoU: a still object's boxes barely move; an animal's rarely repeat. */
  sameBoxIou: number;
  /** Remembered sightings this close in time are one visit (a herd lingering is not a repeat). */
  visitGapS: number;
  /** Seen in the same place on this many earlier visits: a fixture. */
  minVisits: number;
  /** Boxes larger than this share of the still are never fixtures: an animal close to the trap fills it anywhere. */
  maxAreaShare: number;
  /** How far back the memory reaches. */
  memoryDays: number;
}

export const DEFAULT_FIXTURE_MEMORY: FixtureMemoryOptions = {
  label: 'elephant',
  rememberMinScore: 0.2,
  sameBoxIou: 0.85,
  visitGapS: 30 * 60,
  minVisits: 3,
  maxAreaShare: 0.25,
  memoryDays: 30,
};

/** Why an object was taken for a fixture. */
export interface FixtureMatch {
  /** Index into the detections given. */
  index: number;
  /** 'dismissed': an operator called a sighting of it here a false alarm; 'repeated': seen here on `visits` visits. */
  reason: 'dismissed' | 'repeated';
  visits: number;
  firstSeenAt: number;
}

export function toShareBox(box: Box, width: number, height: number): ShareBox {
  return [box[0] / width, box[1] / height, box[2] / width, box[3] / height];
}

const areaShare = (box: ShareBox) => Math.max(0, box[2] - box[0]) * Math.max(0, box[3] - box[1]);

/** The detections the memory keeps: elephant-like objects, as shares of the still. */
export function objectsToRemember(
  detections: readonly Detection[],
  size: { width: number; height: number },
  options: FixtureMemoryOptions = DEFAULT_FIXTURE_MEMORY,
): { index: number; box: ShareBox }[] {
  return detections.flatMap((d, index) =>
    d.label === options.label && d.score >= options.rememberMinScore
      ? [{ index, box: toShareBox(d.box, size.width, size.height) }]
      : [],
  );
}

/** Counts separate visits among times (ms): a gap longer than `gapMs` starts a new one. */
function countVisits(times: number[], gapMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let visits = 0;
  let last = -Infinity;
  for (const t of sorted) {
    if (t - last > gapMs) visits += 1;
    last = t;
  }
  return visits;
}

/**
 * Which of the still's remembered-kind objects stand where an operator dismissed a sighting of one (any size: a
 * person looked), or where the trap has seen one on `minVisits` earlier visits. `history` holds only earlier stills.
 */
export function findFixtures(
  objects: readonly { index: number; box: ShareBox }[],
  history: readonly RememberedObject[],
  options: FixtureMemoryOptions = DEFAULT_FIXTURE_MEMORY,
): FixtureMatch[] {
  const gapMs = options.visitGapS * 1000;
  return objects.flatMap(({ index, box }): FixtureMatch[] => {
    const here = history.filter((seen) => iou(seen.box, box) >= options.sameBoxIou);
    if (here.length === 0) return [];
    const visits = countVisits(
      here.map((seen) => seen.takenAt),
      gapMs,
    );
    const firstSeenAt = Math.min(...here.map((seen) => seen.takenAt));
    if (here.some((seen) => seen.dismissed)) return [{ index, reason: 'dismissed', visits, firstSeenAt }];
    if (areaShare(box) > options.maxAreaShare || visits < options.minVisits) return [];
    return [{ index, reason: 'repeated', visits, firstSeenAt }];
  });
}

/** A still judged against its trap's memory: what may raise a sighting, what was set aside, what to remember. */
export interface StillAgainstMemory {
  live: Detection[];
  fixtures: (FixtureMatch & { detection: Detection })[];
  remember: { label: string; score: number; box: ShareBox }[];
}

export function setFixturesAside(
  detections: readonly Detection[],
  size: { width: number; height: number },
  history: readonly RememberedObject[],
  options: FixtureMemoryOptions = DEFAULT_FIXTURE_MEMORY,
): StillAgainstMemory {
  const objects = objectsToRemember(detections, size, options);
  const fixtures = findFixtures(objects, history, options);
  const aside = new Set(fixtures.map((f) => f.index));
  return {
    live: detections.filter((_, index) => !aside.has(index)),
    fixtures: fixtures.map((f) => ({ ...f, detection: detections[f.index]! })),
    remember: objects.map(({ index, box }) => ({
      label: detections[index]!.label,
      score: detections[index]!.score,
      box,
    })),
  };
}
