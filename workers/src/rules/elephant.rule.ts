// Wild elephant sightings from video (confirmed over a few frames) or from a single camera-trap still.
import type { Detection } from '@toc/models';
import type { LonLat } from '@toc/server/schemas';
import type { Box, RuleFrame, RuleSignal } from '../pipeline/types';
import { ELEPHANT_LABEL } from './labels';
import { groundContact, zonesAt, type PixelScene } from './scene';
import { latestGround, round2 } from './signal';

export interface ElephantOptions {
  /** Video: an elephant must be seen in at least this many frames… */
  minFrames: number;
  /** …within this window. */
  windowS: number;
  /** Video detections below this score are not counted as a frame with an elephant. */
  minScore: number;
  /** Camera-trap stills: one image is enough when the score is at least this. */
  trapMinScore: number;
  /** An episode (herd passing) ends after this long without an elephant; the next sighting starts a new onset. */
  episodeGapS: number;
}

export const DEFAULT_ELEPHANT_OPTIONS: ElephantOptions = {
  minFrames: 3,
  windowS: 5,
  minScore: 0.3,
  trapMinScore: 0.5,
  episodeGapS: 60,
};

export interface ElephantState {
  /** Times of recent frames that showed an elephant. */
  seenAt: number[];
  episode: { onset: number; lastSeen: number; bestScore: number; maxCount: number } | null;
}

export const createElephantState = (): ElephantState => ({ seenAt: [], episode: null });

interface Sighting {
  box: Box;
  score: number;
  trackId: number | null;
  ground: LonLat | null;
}

/** This frame's elephants: visible tracks, or raw detections when the tracker has fewer (it lags by a few frames). */
function elephantsIn(frame: RuleFrame, minScore: number): Sighting[] {
  const tracked: Sighting[] = frame.tracks
    .filter((t) => t.label === ELEPHANT_LABEL && t.state !== 'lost' && t.missed === 0)
    .map((t) => ({ box: t.box, score: t.score, trackId: t.id, ground: latestGround(t) }));
  const detected: Sighting[] = frame.detections
    .filter((d) => d.label === ELEPHANT_LABEL && d.score >= minScore)
    .map((d) => ({ box: d.box, score: d.score, trackId: null, ground: null }));
  return detected.length > tracked.length ? detected : tracked;
}

const best = (sightings: readonly Sighting[]): Sighting | undefined =>
  sightings.reduce<Sighting | undefined>((top, s) => (!top || s.score > top.score ? s : top), undefined);

function sightingSignal(
  sightings: readonly Sighting[],
  fields: { onset: number; count: number; bestScore: number; source: 'video' | 'trap'; scene?: PixelScene },
): RuleSignal {
  const top = best(sightings)!;
  const contact = groundContact(top.box);
  const watchZones = fields.scene ? zonesAt(fields.scene, contact, 'elephant_watch').map((z) => z.id) : [];
  return {
    key: 'elephant',
    type: 'elephant.sighting',
    kind: 'elephant_sighting',
    severity: 'critical',
    confidence: round2(fields.bestScore),
    onset: fields.onset,
    trackIds: sightings.flatMap((s) => (s.trackId === null ? [] : [s.trackId])),
    imagePoint: contact,
    ground: top.ground,
    detail: {
      count: fields.count,
      bestScore: round2(fields.bestScore),
      source: fields.source,
      watchZoneIds: watchZones,
    },
  };
}

/** Updates `state` in place; a signal every frame with an elephant while the sighting is confirmed. */
export function evaluateElephants(
  state: ElephantState,
  context: { frame: RuleFrame; scene?: PixelScene },
  options: ElephantOptions = DEFAULT_ELEPHANT_OPTIONS,
): RuleSignal[] {
  const { frame } = context;
  const t = frame.t;
  if (state.episode && t - state.episode.lastSeen > options.episodeGapS * 1000) state.episode = null;
  state.seenAt = state.seenAt.filter((seen) => seen > t - options.windowS * 1000);
  const sightings = elephantsIn(frame, options.minScore);
  if (sightings.length === 0) return [];

  state.seenAt.push(t);
  // A confirmed track already went through the tracker's own multi-frame check.
  const confirmedTrack = frame.tracks.some(
    (tr) => tr.label === ELEPHANT_LABEL && tr.state === 'confirmed' && tr.hits >= options.minFrames,
  );
  if (!state.episode && !confirmedTrack && state.seenAt.length < options.minFrames) return [];

  const bestScore = best(sightings)!.score;
  const episode = state.episode ?? { onset: state.seenAt[0] ?? t, lastSeen: t, bestScore: 0, maxCount: 0 };
  episode.lastSeen = t;
  episode.bestScore = Math.max(episode.bestScore, bestScore);
  episode.maxCount = Math.max(episode.maxCount, sightings.length);
  state.episode = episode;
  const signal = sightingSignal(sightings, {
    onset: episode.onset,
    count: sightings.length,
    bestScore: episode.bestScore,
    source: 'video',
    scene: context.scene,
  });
  signal.detail.maxCount = episode.maxCount;
  return [signal];
}

export interface StillOptions {
  t: number;
  trapMinScore?: number;
  scene?: PixelScene;
}

/** One camera-trap image: a sighting when any elephant scores at least `trapMinScore`. */
export function evaluateStill(detections: readonly Detection[], options: StillOptions): RuleSignal | null {
  const minScore = options.trapMinScore ?? DEFAULT_ELEPHANT_OPTIONS.trapMinScore;
  const sightings: Sighting[] = detections
    .filter((d) => d.label === ELEPHANT_LABEL && d.score >= minScore)
    .map((d) => ({ box: d.box, score: d.score, trackId: null, ground: null }));
  if (sightings.length === 0) return null;
  return sightingSignal(sightings, {
    onset: options.t,
    count: sightings.length,
    bestScore: best(sightings)!.score,
    source: 'trap',
    scene: options.scene,
  });
}
