// Where the herd is going: distance, compass heading and speed from its path's sightings (overall and the last leg).
import type { LonLat } from '@toc/server/schemas';
import { bearingDeg, compass, groundDistanceM, type CompassPoint } from '@toc/server/geometry/local-metres';
import type { PathStep, PathSummary } from './elephant-situation';

/**
 * Closer than this the herd has not measurably moved: a trap's position is fixed, and a camera's ground calibration
 * places the herd to some tens of metres, so a heading from a shorter shift would be noise.
 */
export const STILL_BELOW_M = 100;

export interface MovementLeg {
  distanceM: number;
  bearingDeg: number;
  direction: CompassPoint;
  /** When the herd was reported at the start and at the end of the leg. */
  from: string;
  to: string;
  durationMs: number;
  /** Null when both reports are at the same moment (the herd seen at both places at once). */
  speedKmh: number | null;
}

export type HerdMovement =
  /** No sighting of the path is loaded with a place and a time. */
  | { kind: 'unknown' }
  /** One place only: a heading needs a second sighting. */
  | { kind: 'single'; at: string }
  /** Seen at several places, all within {@link STILL_BELOW_M} of the first. */
  | { kind: 'still'; from: string; to: string }
  /**
   * Overall from the first sighting to the latest (under {@link STILL_BELOW_M} when the herd came back near where it
   * was first seen); the last leg too when there are three places or more.
   */
  | { kind: 'moving'; overall: MovementLeg; lastLeg: MovementLeg | null };

interface Fix {
  at: LonLat;
  time: number;
}

/**
 * When the herd was at each step: its first report there, unless that is earlier than the step before (the herd came
 * back to a place seen before, which the path lists where it last joined), then its latest report.
 */
function fixes(steps: readonly PathStep[]): Fix[] {
  const out: Fix[] = [];
  for (const step of steps) {
    if (!step.location || !step.firstSeen) continue;
    const first = Date.parse(step.firstSeen);
    const last = step.lastSeen ? Date.parse(step.lastSeen) : first;
    const previous = out.at(-1)?.time ?? -Infinity;
    out.push({ at: step.location, time: first >= previous ? first : Math.max(last, previous) });
  }
  return out;
}

function leg(from: Fix, to: Fix): MovementLeg {
  const distanceM = groundDistanceM(from.at, to.at);
  const bearing = bearingDeg(from.at, to.at);
  const durationMs = to.time - from.time;
  return {
    distanceM,
    bearingDeg: bearing,
    direction: compass(bearing).en,
    from: new Date(from.time).toISOString(),
    to: new Date(to.time).toISOString(),
    durationMs,
    speedKmh: durationMs > 0 ? distanceM / 1000 / (durationMs / 3_600_000) : null,
  };
}

export function herdMovement(path: PathSummary): HerdMovement {
  const seen = fixes(path.steps);
  const first = seen[0];
  const latest = seen.at(-1);
  if (!first || !latest) return { kind: 'unknown' };
  if (seen.length === 1) return { kind: 'single', at: new Date(first.time).toISOString() };
  const overall = leg(first, latest);
  if (seen.every((fix) => groundDistanceM(first.at, fix.at) < STILL_BELOW_M)) return { kind: 'still', from: overall.from, to: overall.to };
  // The last leg says where it is heading now; with two places it is the overall movement itself.
  return { kind: 'moving', overall, lastLeg: seen.length > 2 ? leg(seen.at(-2)!, latest) : null };
}
