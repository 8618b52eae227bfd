// ByteTrack-style multi-object tracker: detections per frame in, tracks with stable ids out.
import type { Detection } from '@toc/models';
import type { Box, Track, TrackPoint, TrackState } from '../pipeline/types';
import { greedyMatch, type DetectionCandidate, type MatchCandidate } from './associate';
import {
  addLabelVote,
  DEFAULT_CLASS_GROUPS,
  groupResolver,
  newLabelVotes,
  type ClassGroups,
  type GroupOf,
  type LabelVotes,
} from './class-groups';
import {
  createKalmanBox,
  DEFAULT_KALMAN_OPTIONS,
  kalmanToBox,
  kalmanVelocity,
  predictKalman,
  updateKalman,
  type KalmanBox,
  type KalmanOptions,
} from './kalman-filter';
import { suppressGroupDuplicates } from './group-duplicates';
import { sanitizeDetections } from './sanitize-detections';

export { sanitizeDetections } from './sanitize-detections';

export interface TrackerOptions {
  /** Detections at or above this score take part in the first association pass. */
  highThreshold: number;
  /**
   * Detections in [lowThreshold, highThreshold) only keep existing tracks alive, never start one: confirmed tracks on
   * their boxes (lowMatchIou), new ones on the buffered boxes, so a fast newcomer seen faintly in its second frame (an
   * entering car at 5 fps, a grey night picture) is not cut into single-detection tracks no rule can judge.
   */
  lowThreshold: number;
  /** An unmatched high detection starts a track only at or above this score. */
  newTrackThreshold: number;
  /** Minimum IoU between a predicted track box and a high detection (confirmed and lost tracks). */
  matchIou: number;
  /** Minimum IoU for tentative tracks, which are matched after the confirmed ones. */
  tentativeMatchIou: number;
  /**
   * Last pass for high detections still unmatched: tracks and detections compared on boxes grown by this share of
   * their size on each side (0: off), so an object that moved further than its size between frames keeps its track.
   */
  bufferScale: number;
  /** Minimum IoU of the buffered boxes in that pass. */
  bufferMatchIou: number;
  /** Minimum IoU for the low-score pass: stricter, since low scores are often clutter. */
  lowMatchIou: number;
  /** Matches (including the first detection) before a track is confirmed. */
  minHits: number;
  /** A tentative track is removed after this many consecutive detection frames without a match. */
  tentativeMaxMissed: number;
  /** A lost track is removed after this much unmatched time (detection frames; coasting counts less). */
  maxLostMs: number;
  /** Fraction of coasted time that counts towards maxLostMs for lost tracks (0: coasting never ages). */
  coastAging: number;
  /** Points kept per track. */
  maxHistory: number;
  /** Labels that may swap on one object; matching never crosses groups. */
  classGroups: ClassGroups;
  /** Detections of one group overlapping this much are one object seen twice (car and truck): the best is kept. */
  groupDuplicateIou: number;
  kalman: KalmanOptions;
}

export type TrackerOptionsInput = Partial<Omit<TrackerOptions, 'kalman'>> & {
  kalman?: Partial<KalmanOptions>;
};

export const DEFAULT_TRACKER_OPTIONS: Readonly<TrackerOptions> = Object.freeze({
  highThreshold: 0.5,
  lowThreshold: 0.1,
  newTrackThreshold: 0.6,
  matchIou: 0.2,
  tentativeMatchIou: 0.3,
  bufferScale: 0.5,
  bufferMatchIou: 0.2,
  lowMatchIou: 0.5,
  minHits: 3,
  tentativeMaxMissed: 2,
  maxLostMs: 2000,
  coastAging: 0.25,
  maxHistory: 150,
  classGroups: DEFAULT_CLASS_GROUPS,
  groupDuplicateIou: 0.7,
  kalman: DEFAULT_KALMAN_OPTIONS,
});

export interface TrackerStats {
  /** Calls of track(). */
  frames: number;
  /** Calls of coast(). */
  coasted: number;
  /** Usable detections received. */
  detections: number;
  /** Detections dropped by sanitizeDetections (NaN, Infinity, empty boxes). */
  dropped: number;
  created: number;
  removed: number;
}

interface LiveTrack {
  id: number;
  group: string;
  votes: LabelVotes;
  kf: KalmanBox;
  score: number;
  peakScore: number;
  state: TrackState;
  box: Box;
  hits: number;
  missed: number;
  firstSeen: number;
  lastSeen: number;
  /** Unmatched time counted towards maxLostMs. */
  lostMs: number;
  history: TrackPoint[];
}

/** Opaque tracker state: create with createTracker, pass to track() / coast(). Fields are internal. */
export interface TrackerState {
  readonly options: Readonly<TrackerOptions>;
  readonly groupOf: GroupOf;
  nextId: number;
  lastT: number | null;
  tracks: LiveTrack[];
  stats: TrackerStats;
}

export interface TrackResult {
  state: TrackerState;
  /** Every live track (tentative, confirmed and lost) by ascending id; filter on `state` as needed. */
  tracks: Track[];
  /** Ids removed by this call (lost too long, or tentative and missed). */
  removed: number[];
}

export function createTracker(options: TrackerOptionsInput = {}): TrackerState {
  const resolved: TrackerOptions = {
    ...DEFAULT_TRACKER_OPTIONS,
    ...options,
    kalman: { ...DEFAULT_KALMAN_OPTIONS, ...options.kalman },
  };
  const { lowThreshold, highThreshold, minHits, maxHistory, maxLostMs, tentativeMaxMissed } = resolved;
  if (!(lowThreshold >= 0 && lowThreshold <= highThreshold)) {
    throw new RangeError(`lowThreshold ${lowThreshold} must be within [0, highThreshold ${highThreshold}]`);
  }
  if (!(Number.isInteger(minHits) && minHits >= 1))
    throw new RangeError(`minHits ${minHits} must be an integer ≥ 1`);
  if (!(Number.isInteger(tentativeMaxMissed) && tentativeMaxMissed >= 1)) {
    throw new RangeError(`tentativeMaxMissed ${tentativeMaxMissed} must be an integer ≥ 1`);
  }
  if (!(Number.isInteger(maxHistory) && maxHistory >= 0))
    throw new RangeError(`maxHistory ${maxHistory} must be ≥ 0`);
  if (!(maxLostMs >= 0)) throw new RangeError(`maxLostMs ${maxLostMs} must be ≥ 0`);
  return {
    options: Object.freeze(resolved),
    groupOf: groupResolver(resolved.classGroups),
    nextId: 1,
    lastT: null,
    tracks: [],
    stats: { frames: 0, coasted: 0, detections: 0, dropped: 0, created: 0, removed: 0 },
  };
}

/** Seconds since the previous call; 0 on the first call or when time goes backwards. */
function advanceClock(state: TrackerState, tMs: number): number {
  const dtMs = state.lastT === null || !(tMs > state.lastT) ? 0 : tMs - state.lastT;
  state.lastT = tMs;
  return dtMs;
}

/**
 * One frame with detections. `state` is updated in place and returned (callers should use the returned
 * value, as if it were new); the returned Track objects are fresh snapshots safe to keep, though their
 * TrackPoints are shared with the tracker so a later stage may fill `ground` / `speedKmh` in place.
 *
 * Association, within class groups and by greedy IoU against the Kalman-predicted boxes:
 *  1. high detections (≥ highThreshold) ↔ confirmed and lost tracks (IoU ≥ matchIou);
 *  2. remaining high detections ↔ tentative tracks (IoU ≥ tentativeMatchIou);
 *  2b. still unmatched high detections ↔ any unmatched track, on buffered boxes (IoU ≥ bufferMatchIou): fast
 *     objects at a low detect rate;
 *  3. low detections ([lowThreshold, highThreshold)) ↔ remaining confirmed, not lost, tracks (IoU ≥ lowMatchIou):
 *     ByteTrack's second pass, which keeps a partly occluded object's track alive.
 * Unmatched high detections ≥ newTrackThreshold start tentative tracks.
 */
export function track(state: TrackerState, detections: readonly Detection[], tMs: number): TrackResult {
  const { options } = state;
  const clean = sanitizeDetections(detections);
  state.stats.frames++;
  state.stats.detections += clean.detections.length;
  state.stats.dropped += clean.dropped;
  const dtMs = advanceClock(state, tMs);

  for (const t of state.tracks) {
    predictKalman(t.kf, dtMs / 1000, options.kalman, t.state === 'lost');
    t.box = kalmanToBox(t.kf);
  }

  const high: (DetectionCandidate & { det: Detection })[] = [];
  const low: (DetectionCandidate & { det: Detection })[] = [];
  for (const det of suppressGroupDuplicates(clean.detections, state.groupOf, options.groupDuplicateIou)) {
    if (det.score < options.lowThreshold) continue;
    const candidate = { box: det.box, group: state.groupOf(det.label), score: det.score, det };
    (det.score >= options.highThreshold ? high : low).push(candidate);
  }

  const tracks = state.tracks;
  const candidates: MatchCandidate[] = tracks.map((t) => ({ box: t.box, group: t.group }));
  const matchedDet = new Array<Detection | undefined>(tracks.length);
  const highUsed = new Uint8Array(high.length);
  const lowUsed = new Uint8Array(low.length);

  // Each pass only sees the tracks left open for it; `used` marks the rest.
  const passMask = (open: (t: LiveTrack, i: number) => boolean): Uint8Array =>
    Uint8Array.from(tracks, (t, i) => (matchedDet[i] === undefined && open(t, i) ? 0 : 1));
  const apply = (pairs: [number, number][], pool: { det: Detection }[]): void => {
    for (const [ti, di] of pairs) matchedDet[ti] = pool[di]!.det;
  };
  apply(
    greedyMatch(
      candidates,
      high,
      options.matchIou,
      passMask((t) => t.state !== 'tentative'),
      highUsed,
    ),
    high,
  );
  apply(
    greedyMatch(
      candidates,
      high,
      options.tentativeMatchIou,
      passMask((t) => t.state === 'tentative'),
      highUsed,
    ),
    high,
  );
  if (options.bufferScale > 0) {
    apply(
      greedyMatch(
        candidates,
        high,
        options.bufferMatchIou,
        passMask(() => true),
        highUsed,
        options.bufferScale,
      ),
      high,
    );
  }
  apply(
    greedyMatch(
      candidates,
      low,
      options.lowMatchIou,
      passMask((t) => t.state === 'confirmed'),
      lowUsed,
    ),
    low,
  );
  if (options.bufferScale > 0) {
    // New tracks only: a confirmed one already had its chance above, and buffered low matches would feed it clutter.
    apply(
      greedyMatch(
        candidates,
        low,
        options.bufferMatchIou,
        passMask((t) => t.state === 'tentative'),
        lowUsed,
        options.bufferScale,
      ),
      low,
    );
  }

  const removed: number[] = [];
  const kept: LiveTrack[] = [];
  tracks.forEach((t, i) => {
    const det = matchedDet[i];
    if (det) {
      updateKalman(t.kf, det.box, options.kalman);
      t.box = [det.box[0], det.box[1], det.box[2], det.box[3]];
      t.score = det.score;
      t.peakScore = Math.max(t.peakScore, det.score);
      addLabelVote(t.votes, det.label, det.classId, det.score);
      t.hits++;
      t.missed = 0;
      t.lostMs = 0;
      t.lastSeen = tMs;
      if (t.state === 'lost' || t.hits >= options.minHits) t.state = 'confirmed';
      pushHistory(t, tMs, options.maxHistory);
      kept.push(t);
      return;
    }
    t.missed++;
    if (t.state === 'tentative') {
      if (t.missed >= options.tentativeMaxMissed) removed.push(t.id);
      else kept.push(t);
      return;
    }
    t.state = 'lost';
    t.lostMs += dtMs;
    if (t.lostMs > options.maxLostMs) removed.push(t.id);
    else kept.push(t);
  });

  // New tracks from the highest score down, so ids follow confidence within a frame.
  const fresh = high.filter((c, di) => !highUsed[di] && c.score >= options.newTrackThreshold);
  fresh.sort((a, b) => b.score - a.score);
  for (const c of fresh) kept.push(newTrack(state, c.det, c.group, tMs));

  state.tracks = kept;
  state.stats.removed += removed.length;
  return { state, tracks: kept.map(snapshot), removed };
}

/**
 * A frame on which detection was skipped (the motion gate saw nothing worth detecting). Tracks are
 * predicted forward to `tMs` (a stationary track has ~zero velocity, so it stays put) but this is not
 * a miss: hits, missed and the confirmed / tentative state are unchanged, so a parked car survives any
 * length of skipped detection. Lost tracks keep ageing, at `coastAging` of real time, so a track that
 * was already missing is still removed once detection runs again or enough coasted time has passed.
 * No history point is added (nothing was observed).
 */
export function coast(state: TrackerState, tMs: number): TrackResult {
  const { options } = state;
  state.stats.coasted++;
  const dtMs = advanceClock(state, tMs);
  const removed: number[] = [];
  const kept: LiveTrack[] = [];
  for (const t of state.tracks) {
    predictKalman(t.kf, dtMs / 1000, options.kalman, t.state === 'lost');
    t.box = kalmanToBox(t.kf);
    if (t.state === 'lost') {
      t.lostMs += dtMs * options.coastAging;
      if (t.lostMs > options.maxLostMs) {
        removed.push(t.id);
        continue;
      }
    }
    kept.push(t);
  }
  state.tracks = kept;
  state.stats.removed += removed.length;
  return { state, tracks: kept.map(snapshot), removed };
}

export function trackerStats(state: TrackerState): TrackerStats & { live: number } {
  return { ...state.stats, live: state.tracks.length };
}

function newTrack(state: TrackerState, det: Detection, group: string, tMs: number): LiveTrack {
  const { options } = state;
  const box: Box = [det.box[0], det.box[1], det.box[2], det.box[3]];
  const t: LiveTrack = {
    id: state.nextId++,
    group,
    votes: newLabelVotes(det.label, det.classId, det.score),
    kf: createKalmanBox(box, options.kalman),
    score: det.score,
    peakScore: det.score,
    state: options.minHits <= 1 ? 'confirmed' : 'tentative',
    box,
    hits: 1,
    missed: 0,
    firstSeen: tMs,
    lastSeen: tMs,
    lostMs: 0,
    history: [],
  };
  pushHistory(t, tMs, options.maxHistory);
  state.stats.created++;
  return t;
}

function pushHistory(t: LiveTrack, tMs: number, maxHistory: number): void {
  if (maxHistory === 0) return;
  t.history.push({ t: tMs, box: [t.box[0], t.box[1], t.box[2], t.box[3]], ground: null, speedKmh: null });
  if (t.history.length > maxHistory) t.history.splice(0, t.history.length - maxHistory);
}

function snapshot(t: LiveTrack): Track {
  return {
    id: t.id,
    classId: t.votes.classId,
    label: t.votes.label,
    score: t.score,
    peakScore: t.peakScore,
    state: t.state,
    box: [t.box[0], t.box[1], t.box[2], t.box[3]],
    velocity: kalmanVelocity(t.kf),
    hits: t.hits,
    missed: t.missed,
    firstSeen: t.firstSeen,
    lastSeen: t.lastSeen,
    history: t.history.slice(),
  };
}
