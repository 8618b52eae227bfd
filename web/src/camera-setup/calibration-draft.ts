// Calibration pairs being placed: a point on the picture and the same place on the map make one numbered pair.
import type { CalibrationPair, ImagePoint, LonLat } from '@toc/server/schemas';

export interface PendingPair {
  image: ImagePoint | null;
  ground: LonLat | null;
}

export interface CalibrationDraft {
  pairs: CalibrationPair[];
  /** The half-placed next pair (a picture point waiting for its map point, or the other way round). */
  pending: PendingPair;
  dirty: boolean;
}

export const EMPTY_PENDING: PendingPair = { image: null, ground: null };

/** The server fits a plane to the pairs; it needs at least this many. */
export const MIN_PAIRS = 4;

export const calibrationDraft = (pairs: readonly CalibrationPair[]): CalibrationDraft => ({
  pairs: pairs.map((pair) => ({ image: [pair.image[0], pair.image[1]], ground: { ...pair.ground } })),
  pending: EMPTY_PENDING,
  dirty: false,
});

function place(draft: CalibrationDraft, pending: PendingPair): CalibrationDraft {
  if (pending.image && pending.ground) {
    return { pairs: [...draft.pairs, { image: pending.image, ground: pending.ground }], pending: EMPTY_PENDING, dirty: true };
  }
  return { ...draft, pending };
}

/** A click on the picture: starts the next pair, or completes it when its map point is already there. */
export const placeImagePoint = (draft: CalibrationDraft, image: ImagePoint): CalibrationDraft =>
  place(draft, { ...draft.pending, image });

/** A click on the map: completes the pair whose picture point waits, or starts one. */
export const placeGroundPoint = (draft: CalibrationDraft, ground: LonLat): CalibrationDraft =>
  place(draft, { ...draft.pending, ground });

export const clearPending = (draft: CalibrationDraft): CalibrationDraft => ({ ...draft, pending: EMPTY_PENDING });

export const removePair = (draft: CalibrationDraft, index: number): CalibrationDraft => ({
  ...draft,
  pairs: draft.pairs.filter((_, i) => i !== index),
  dirty: true,
});

export function movePair(draft: CalibrationDraft, index: number, change: Partial<CalibrationPair>): CalibrationDraft {
  return { ...draft, pairs: draft.pairs.map((pair, i) => (i === index ? { ...pair, ...change } : pair)), dirty: true };
}

/** What the editor asks for next, as a translation key. */
export function nextStepKey(draft: CalibrationDraft): 'setup.calib.stepImage' | 'setup.calib.stepMap' | 'setup.calib.stepImageForGround' {
  if (draft.pending.image) return 'setup.calib.stepMap';
  if (draft.pending.ground) return 'setup.calib.stepImageForGround';
  return 'setup.calib.stepImage';
}
