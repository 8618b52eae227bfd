// Collision candidates: two vehicle boxes that newly overlap, followed shortly by an abrupt stop of one or both.
import type { RuleSignal, Track, TrackPoint } from '../pipeline/types';
import { iou } from './box-geometry';
import { abruptStopScore, type AbruptCriteria, type MotionState } from './motion-stats';
import { groundContact, type Pixel } from './scene';
import { clamp01, latestGround, round2 } from './signal';

export interface CollisionOptions extends AbruptCriteria {
  /** Boxes overlapping at least this much… */
  iou: number;
  /** …that overlapped less than this `priorS` earlier (a new overlap, not two cars queued in perspective). */
  priorIoU: number;
  priorS: number;
  /** The abrupt stop must come within this long after the overlap. */
  withinS: number;
  /** A confirmed collision is kept through track gaps this long. */
  graceS: number;
}

export const DEFAULT_COLLISION_OPTIONS: CollisionOptions = {
  iou: 0.1,
  priorIoU: 0.02,
  priorS: 1,
  withinS: 2,
  graceS: 2,
  minSpeed: { kmh: 10, bhS: 1 },
  dropRatio: 0.8,
  keepRatio: 0.6,
};

interface PairCandidate {
  a: number;
  b: number;
  overlapAt: number;
  peakIoU: number;
  point: Pixel;
  confirmed: { confidence: number; decel: number; stoppedIds: number[] } | null;
  lastActive: number;
}

export interface CollisionState {
  pairs: Map<string, PairCandidate>;
}

export const createCollisionState = (): CollisionState => ({ pairs: new Map() });

/** A confirmed vehicle track with its motion, as the collision rule sees it. */
export interface CollisionTrack {
  track: Track;
  motion: MotionState;
  inRoadway: boolean;
}

export interface CollisionInput {
  t: number;
  tracks: readonly CollisionTrack[];
  /** How long after a stop the smoothed speed reports it (motion window plus margin), ms. */
  detectionLatencyMs: number;
}

export interface CollisionResult {
  signals: RuleSignal[];
  /** Tracks in an active collision; the sudden-stop and stopped-vehicle rules leave them alone. */
  involved: Set<number>;
}

/** The history point at or just before `t` (within half a second), if the history reaches back. */
function pointAt(history: readonly TrackPoint[], t: number): TrackPoint | null {
  for (let k = history.length - 1; k >= 0; k--) {
    const point = history[k]!;
    if (point.t <= t) return t - point.t <= 500 ? point : null;
  }
  return null;
}

function findNewOverlaps(
  state: CollisionState,
  { t, tracks }: CollisionInput,
  options: CollisionOptions,
): void {
  for (let i = 0; i < tracks.length; i++) {
    for (let j = i + 1; j < tracks.length; j++) {
      const first = tracks[i]!;
      const second = tracks[j]!;
      if (!first.inRoadway && !second.inRoadway) continue;
      const overlap = iou(first.track.box, second.track.box);
      if (overlap < options.iou) continue;
      const [a, b] = first.track.id < second.track.id ? [first, second] : [second, first];
      const key = `${a.track.id}-${b.track.id}`;
      const existing = state.pairs.get(key);
      if (existing) {
        existing.peakIoU = Math.max(existing.peakIoU, overlap);
        continue;
      }
      const beforeA = pointAt(a.track.history, t - options.priorS * 1000);
      const beforeB = pointAt(b.track.history, t - options.priorS * 1000);
      if (!beforeA || !beforeB || iou(beforeA.box, beforeB.box) >= options.priorIoU) continue;
      const [ax, ay] = groundContact(a.track.box);
      const [bx, by] = groundContact(b.track.box);
      state.pairs.set(key, {
        a: a.track.id,
        b: b.track.id,
        overlapAt: t,
        peakIoU: overlap,
        point: [(ax + bx) / 2, (ay + by) / 2],
        confirmed: null,
        lastActive: t,
      });
    }
  }
}

/** Updates `state` in place. */
export function evaluateCollisions(
  state: CollisionState,
  input: CollisionInput,
  options: CollisionOptions = DEFAULT_COLLISION_OPTIONS,
): CollisionResult {
  const { t, tracks, detectionLatencyMs } = input;
  findNewOverlaps(state, input, options);
  const byId = new Map(tracks.map((entry) => [entry.track.id, entry]));
  const signals: RuleSignal[] = [];
  const involved = new Set<number>();

  for (const [key, pair] of state.pairs) {
    const members = [byId.get(pair.a), byId.get(pair.b)].filter((m): m is CollisionTrack => m !== undefined);
    if (!pair.confirmed) {
      const decels = members.flatMap((m) => {
        const stop = m.motion.lastStop;
        if (!stop || stop.at < pair.overlapAt - 500 || stop.at > pair.overlapAt + options.withinS * 1000)
          return [];
        const score = abruptStopScore(stop, options);
        return score === null ? [] : [{ id: m.track.id, score }];
      });
      if (decels.length > 0) {
        const decel = Math.max(...decels.map((d) => d.score));
        pair.confirmed = {
          decel,
          stoppedIds: decels.map((d) => d.id),
          confidence: round2(
            clamp01(0.4 + 0.3 * Math.min(1, pair.peakIoU / 0.3) + 0.2 * decel + 0.1 * (decels.length - 1)),
          ),
        };
      } else {
        if (t > pair.overlapAt + options.withinS * 1000 + detectionLatencyMs) state.pairs.delete(key);
        continue;
      }
    }
    // The collision lasts while a vehicle involved stays where it stopped.
    const resting = members.filter((m) => m.motion.phase === 'stopped');
    if (resting.length > 0) pair.lastActive = t;
    else if (t - pair.lastActive > options.graceS * 1000) {
      state.pairs.delete(key);
      continue;
    }
    involved.add(pair.a);
    involved.add(pair.b);
    if (resting.length === 0) continue;
    signals.push({
      key: `collision:${key}`,
      type: 'traffic.accident',
      kind: 'collision',
      severity: 'critical',
      confidence: pair.confirmed.confidence,
      onset: pair.overlapAt,
      trackIds: [pair.a, pair.b],
      imagePoint: pair.point,
      ground: resting.map((m) => latestGround(m.track)).find((g) => g !== null) ?? null,
      detail: {
        peakIoU: round2(pair.peakIoU),
        deceleration: round2(pair.confirmed.decel),
        stoppedTrackIds: pair.confirmed.stoppedIds,
        labels: members.map((m) => m.track.label),
      },
    });
  }
  return { signals, involved };
}
