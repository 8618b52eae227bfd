// Picks the trip run a vehicle is working: nearest pass of each candidate's shape, weighed by schedule deviation and direction.
import { bearingAt, nearestInRange, projectionsNear } from './shape-line';
import { scheduledMsAt, tripStartMs, type TripInstance } from './transit-model';

export interface MatchInput {
  x: number;
  y: number;
  ms: number;
  bearingDeg: number | null;
  speedKmh: number | null;
  /** An earlier fix at least a few tens of metres away: progress must increase from it. */
  previous: { x: number; y: number } | null;
}

export interface TripMatch {
  inst: TripInstance;
  along: number;
  offset: number;
  score: number;
}

export const MATCH_RADIUS_M = 200;
/** Above this score (metres-equivalent) nothing is a credible match. */
const MAX_SCORE = 900;
const LATE_M_PER_S = 0.25;
const EARLY_M_PER_S = 0.6;
const WAITING_M_PER_S = 0.05;
const WRONG_WAY_M = 400;
const TAKEN_M = 150;

const angleBetween = (a: number, b: number) => {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
};

/** Schedule term: lateness is common, earliness less so; waiting at the first stop before departure is normal. */
function schedulePenalty(inst: TripInstance, along: number, ms: number): number {
  const start = tripStartMs(inst);
  if (along <= inst.trip.stopAlong[0]! + 60 && ms <= start) return ((start - ms) / 1000) * WAITING_M_PER_S;
  const deviationS = (ms - scheduledMsAt(inst, along)) / 1000;
  return deviationS >= 0 ? deviationS * LATE_M_PER_S : -deviationS * EARLY_M_PER_S;
}

function directionPenalty(inst: TripInstance, along: number, input: MatchInput): number {
  let penalty = 0;
  if (
    input.bearingDeg !== null &&
    (input.speedKmh ?? 0) > 8 &&
    angleBetween(input.bearingDeg, bearingAt(inst.trip.shape, along)) > 100
  )
    penalty += WRONG_WAY_M;
  if (input.previous) {
    const back = nearestInRange(
      inst.trip.shape,
      input.previous.x,
      input.previous.y,
      along - 2000,
      along + 200,
    );
    if (back && back.offset < MATCH_RADIUS_M && back.along > along + 25) penalty += WRONG_WAY_M;
  }
  return penalty;
}

/** Best candidate, or null when no candidate passes near enough at a plausible time. */
export function matchTrip(
  candidates: readonly TripInstance[],
  input: MatchInput,
  taken: { has(key: string): boolean } = new Set(),
): TripMatch | null {
  let best: TripMatch | null = null;
  for (const inst of candidates) {
    for (const p of projectionsNear(inst.trip.shape, input.x, input.y, MATCH_RADIUS_M)) {
      if (p.along > inst.trip.stopAlong[inst.trip.stopAlong.length - 1]! - 10) continue;
      const score =
        p.offset +
        schedulePenalty(inst, p.along, input.ms) +
        directionPenalty(inst, p.along, input) +
        (taken.has(inst.key) ? TAKEN_M : 0);
      if (score < MAX_SCORE && (!best || score < best.score))
        best = { inst, along: p.along, offset: p.offset, score };
    }
  }
  return best;
}
