// Which labels may swap on one object between frames, and the score-weighted label vote of a track.

/** Labels in one group match each other; any other label only matches itself. */
export type ClassGroups = readonly (readonly string[])[];

/**
 * Cars, trucks and buses are confused with each other frame to frame. The motorbike group only
 * aliases the two spellings (darknet 'motorbike', newer COCO 'motorcycle').
 */
export const DEFAULT_CLASS_GROUPS: ClassGroups = Object.freeze([
  Object.freeze(['car', 'truck', 'bus']),
  Object.freeze(['motorbike', 'motorcycle']),
]);

export type GroupOf = (label: string) => string;

export function groupResolver(groups: ClassGroups): GroupOf {
  const byLabel = new Map<string, string>();
  groups.forEach((labels, index) => {
    for (const label of labels) byLabel.set(label, `group:${index}`);
  });
  return (label) => byLabel.get(label) ?? `label:${label}`;
}

export interface LabelVotes {
  /** Summed detection score per label (a weighted majority: confident frames count more). */
  weight: Map<string, number>;
  classIdByLabel: Map<string, number>;
  label: string;
  classId: number;
}

export function newLabelVotes(label: string, classId: number, score: number): LabelVotes {
  return {
    weight: new Map([[label, score]]),
    classIdByLabel: new Map([[label, classId]]),
    label,
    classId,
  };
}

/** Adds one vote in place; the current label is kept on a tie so labels do not flicker. */
export function addLabelVote(votes: LabelVotes, label: string, classId: number, score: number): void {
  const weight = (votes.weight.get(label) ?? 0) + score;
  votes.weight.set(label, weight);
  votes.classIdByLabel.set(label, classId);
  if (label !== votes.label && weight > (votes.weight.get(votes.label) ?? 0)) {
    votes.label = label;
    votes.classId = classId;
  }
}
