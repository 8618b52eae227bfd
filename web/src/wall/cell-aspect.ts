// The shape of the wall's tiles: the picture shape that, shown whole in every tile, leaves the least black bars.

/** Most CCTV is 16:9; tiles take this shape until the first frames tell otherwise. */
export const DEFAULT_CELL_ASPECT = 16 / 9;

/** The share of a cell of aspect `cell` (width / height) that a picture of aspect `picture` covers when fitted whole. */
export function pictureCoverage(picture: number, cell: number): number {
  return Math.min(picture / cell, cell / picture);
}

/**
 * Of the pictures' own aspects, the one that leaves the most of all tiles covered (cameras differ: 16:9, 4:3).
 * A tie keeps the earlier tile's aspect, so the grid does not flip between two shapes.
 */
export function bestCellAspect(pictures: readonly number[], fallback = DEFAULT_CELL_ASPECT): number {
  const known = pictures.filter((aspect) => Number.isFinite(aspect) && aspect > 0);
  let best = fallback;
  let bestScore = -1;
  for (const candidate of known) {
    const score = known.reduce((sum, picture) => sum + pictureCoverage(picture, candidate), 0);
    if (score > bestScore + 1e-9) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
