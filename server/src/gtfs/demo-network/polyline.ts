// Pure helpers on a polyline with cumulative metres: the point at a distance, and spacing stops along it.
import type { LonLat } from '../geodesy';

/** The position `distanceM` metres along the line (clamped to its ends). */
export function pointAlong(points: readonly LonLat[], distM: readonly number[], distanceM: number): LonLat {
  if (distanceM <= 0) return points[0]!;
  for (let i = 1; i < points.length; i++) {
    if (distM[i]! >= distanceM) {
      const span = distM[i]! - distM[i - 1]!;
      const t = span > 0 ? (distanceM - distM[i - 1]!) / span : 0;
      const [a, b] = [points[i - 1]!, points[i]!];
      return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    }
  }
  return points.at(-1)!;
}

/**
 * Stop positions between two fixed stops `fromM` and `toM`: evenly spaced, as close to `targetM` apart as
 * possible while staying within [minM, maxM] (a gap shorter than minM gets no stop in between).
 */
export function spacedStops(fromM: number, toM: number, targetM = 1000, minM = 600, maxM = 1500): number[] {
  const length = toM - fromM;
  if (length < 2 * minM) return [];
  let count = Math.max(1, Math.round(length / targetM));
  while (length / count > maxM) count++;
  while (count > 1 && length / count < minM) count--;
  return Array.from({ length: count - 1 }, (_, i) => fromM + ((i + 1) * length) / count);
}
