// Count error figures (absolute and relative) for a set of images with a known number of people.

export interface CountPair {
  truth: number;
  counted: number;
}

export interface CountError {
  images: number;
  meanTruth: number;
  meanCounted: number;
  /** Mean absolute error, people per image. */
  mae: number;
  /** Mean of (counted − truth) / truth: negative when people are missed. */
  meanRelError: number;
  /** Mean of |counted − truth| / truth. */
  meanAbsRelError: number;
}

export function countError(pairs: readonly CountPair[]): CountError {
  const usable = pairs.filter((p) => p.truth > 0);
  const n = Math.max(1, usable.length);
  const mean = (pick: (p: CountPair) => number) => usable.reduce((sum, p) => sum + pick(p), 0) / n;
  return {
    images: usable.length,
    meanTruth: mean((p) => p.truth),
    meanCounted: mean((p) => p.counted),
    mae: mean((p) => Math.abs(p.counted - p.truth)),
    meanRelError: mean((p) => (p.counted - p.truth) / p.truth),
    meanAbsRelError: mean((p) => Math.abs(p.counted - p.truth) / p.truth),
  };
}

/**
 * The count holds at a density level while its mean absolute relative error stays within `tolerance`, or it is off
 * by at most `maxAbsError` people (a person more or less in a group of six is 17 %); returns the mean true count of
 * the densest level that holds before the first that does not (null if the first fails).
 */
export function holdsUpTo(levels: readonly CountError[], tolerance: number, maxAbsError = 1): number | null {
  let held: number | null = null;
  for (const level of levels) {
    if (level.meanAbsRelError > tolerance && level.mae > maxAbsError) break;
    held = level.meanTruth;
  }
  return held;
}
