// The ground paths of the tracks involved in an incident, small enough to travel in the event's payload.
import type { Track } from '../pipeline/types';

export interface GroundPath {
  trackId: number;
  label: string;
  /** [lon, lat] oldest first, rounded to ~1 m. */
  path: [number, number][];
}

const MAX_POINTS = 40;
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Evenly thinned to at most `maxPoints`, always keeping the first and last point. */
export function thin<T>(points: readonly T[], maxPoints: number): T[] {
  if (points.length <= maxPoints) return [...points];
  const step = (points.length - 1) / (maxPoints - 1);
  return Array.from({ length: maxPoints }, (_, i) => points[Math.round(i * step)]!);
}

/** Paths of the given tracks from their placed history; tracks with fewer than two placed points are left out. */
export function groundPaths(tracks: readonly Track[], trackIds: readonly number[], maxPoints = MAX_POINTS): GroundPath[] {
  const wanted = new Set(trackIds);
  const paths: GroundPath[] = [];
  for (const track of tracks) {
    if (!wanted.has(track.id)) continue;
    const placed = track.history.flatMap((p) => (p.ground ? [[round6(p.ground.lon), round6(p.ground.lat)] as [number, number]] : []));
    if (placed.length < 2) continue;
    paths.push({ trackId: track.id, label: track.label, path: thin(placed, maxPoints) });
  }
  return paths;
}
