// Road incidents from vehicle and person tracks in roadway zones: stopped vehicle, sudden stop, collision, crash
// aftermath, person on road, wrong way, congestion.
import type { RuleFrame, RuleSignal, Track } from '../pipeline/types';
import { coverage } from './box-geometry';
import { DEFAULT_ACCIDENT_OPTIONS, type AccidentOptions } from './accident-options';
import {
  aftermathWatching,
  createAftermathState,
  evaluateAftermath,
  type AftermathState,
  type StandingPerson,
  type StandingVehicle,
} from './aftermath.rule';
import { createCollisionState, evaluateCollisions, type CollisionState } from './collision.rule';
import { createCongestionState, evaluateCongestion, type CongestionState } from './congestion.rule';
import {
  createImpactState,
  evaluateImpacts,
  extendImpactScenes,
  impactParties,
  type ImpactState,
} from './impact.rule';
import { foldWithHeldCrash, type HeldCrash } from './crash-scene';
import { isPerson, isRidden, isVehicle } from './labels';
import {
  abruptStopScore,
  advanceMotion,
  displacementOver,
  initialMotion,
  pickSpeed,
  stoppedForS,
  type MotionState,
} from './motion-stats';
import { distanceToEdge, groundContact, zonesAt, type Pixel, type PixelScene, type PixelZone } from './scene';
import { advanceStreak, clamp01, latestGround, round2, type Streak } from './signal';

interface TrackMemory {
  motion: MotionState;
  lastSeen: number;
  /** detectedAt of the last stop already judged for suddenness. */
  judgedStopAt: number | null;
  sudden: { onset: number; confidence: number; preSpeed: number } | null;
  reported: boolean;
  queued: boolean;
  onRoad: Streak | null;
  wrong: (Streak & { onset: number }) | null;
}

export interface AccidentState {
  tracks: Map<number, TrackMemory>;
  collisions: CollisionState;
  impacts: ImpactState;
  aftermath: AftermathState;
  congestion: CongestionState;
  /** The view's crash, held after its rule falls silent so that what follows folds into it. */
  crash: HeldCrash | null;
}

export const createAccidentState = (): AccidentState => ({
  tracks: new Map(),
  collisions: createCollisionState(),
  impacts: createImpactState(),
  aftermath: createAftermathState(),
  congestion: createCongestionState(),
  crash: null,
});

export interface RuleContext {
  scene: PixelScene;
  frame: RuleFrame;
}

interface Subject {
  track: Track;
  memory: TrackMemory;
  contact: Pixel;
  roadZones: PixelZone[];
}

function trackSignal(
  subject: Subject,
  fields: Pick<RuleSignal, 'key' | 'type' | 'kind' | 'severity' | 'confidence' | 'onset' | 'detail'>,
): RuleSignal {
  return {
    ...fields,
    trackIds: [subject.track.id],
    imagePoint: subject.contact,
    ground: latestGround(subject.track),
  };
}

function historySpanS(track: Track): number {
  const first = track.history[0];
  const last = track.history[track.history.length - 1];
  return first && last ? (last.t - first.t) / 1000 : 0;
}

/** How long the person has been on the carriageway, read back from its history. */
function roadOnsetFromHistory(scene: PixelScene, track: Track): number {
  let onset = track.history[track.history.length - 1]?.t ?? 0;
  for (let k = track.history.length - 1; k >= 0; k--) {
    const point = track.history[k]!;
    const contact = groundContact(point.box);
    if (zonesAt(scene, contact, 'roadway').length === 0 || zonesAt(scene, contact, 'sidewalk').length > 0)
      break;
    onset = point.t;
  }
  return onset;
}

/** What every per-track check of one frame shares. */
interface FrameEvaluation {
  context: RuleContext;
  options: AccidentOptions;
  vehicles: readonly Subject[];
}

/** Enough other vehicles stand in the subject's roadway zones for its stop to be a queue (a light, a jam). */
function inQueue(subject: Subject, vehicles: readonly Subject[], options: AccidentOptions): boolean {
  const zoneIds = new Set(subject.roadZones.map((z) => z.id));
  const others = vehicles.filter(
    (v) => v !== subject && v.memory.motion.phase === 'stopped' && v.roadZones.some((z) => zoneIds.has(z.id)),
  );
  return others.length >= options.queueSuppressCount;
}

function stoppedVehicleSignal(
  subject: Subject,
  { context, options, vehicles }: FrameEvaluation,
): RuleSignal | null {
  const { memory } = subject;
  const t = context.frame.t;
  const motion = memory.motion;
  const stoppedS = stoppedForS(motion, t);
  if (motion.phase !== 'stopped' || !motion.lastStop?.hadMoved || stoppedS < options.stoppedAfterS)
    return null;
  if (!memory.reported && !memory.queued) {
    memory.queued = inQueue(subject, vehicles, options);
    memory.reported = !memory.queued;
  }
  if (!memory.reported) return null;
  const ramp = Math.min(1, (stoppedS - options.stoppedAfterS) / options.stoppedAfterS);
  return trackSignal(subject, {
    key: `stopped:${subject.track.id}`,
    type: 'traffic.incident',
    kind: 'stopped_vehicle',
    severity: stoppedS >= options.stoppedHighAfterS ? 'high' : 'medium',
    confidence: round2(clamp01(subject.track.score * (0.7 + 0.3 * ramp))),
    onset: motion.stoppedSince ?? t,
    detail: {
      label: subject.track.label,
      stoppedForS: round2(stoppedS),
      zoneId: subject.roadZones[0]?.id ?? null,
    },
  });
}

function wrongWaySignal(subject: Subject, { context, options }: FrameEvaluation): RuleSignal | null {
  const { memory, track } = subject;
  const t = context.frame.t;
  const zone = subject.roadZones.find((z) => z.direction !== null);
  let cos: number | null = null;
  let fromT = t;
  if (zone?.direction && memory.motion.phase === 'moving') {
    const move = displacementOver(track.history, options.wrongWayWindowS);
    const length = move ? Math.hypot(move.dx, move.dy) : 0;
    if (
      move &&
      move.dtS >= 0.8 * options.wrongWayWindowS &&
      length >= options.wrongWayMinBh * move.heightPx
    ) {
      cos = (move.dx * zone.direction[0] + move.dy * zone.direction[1]) / length;
      fromT = move.fromT;
    }
  }
  const wrongNow = cos !== null && cos < options.wrongWayCos;
  const streak = advanceStreak(memory.wrong, wrongNow, t, options.graceS * 1000);
  memory.wrong = streak ? { ...streak, onset: memory.wrong?.onset ?? fromT } : null;
  if (!wrongNow || !memory.wrong || cos === null || t - memory.wrong.since < options.wrongWayHoldS * 1000)
    return null;
  return trackSignal(subject, {
    key: `wrongway:${track.id}`,
    type: 'traffic.incident',
    kind: 'wrong_way',
    severity: 'high',
    confidence: round2(clamp01(track.score * Math.min(1, -cos))),
    onset: memory.wrong.onset,
    detail: { label: track.label, cosine: round2(cos), zoneId: zone?.id ?? null },
  });
}

/** A person on the carriageway this frame: since when, and whether they stand there rather than cross. */
interface OnRoad {
  since: number;
  onRoadS: number;
  lingering: boolean;
}

/** Follows the person's time on the carriageway (in `memory.onRoad`); null while not on it, riding or on a sidewalk. */
function personOnRoad(subject: Subject, { context, options, vehicles }: FrameEvaluation): OnRoad | null {
  const { memory, track, contact } = subject;
  const { scene, frame } = context;
  const onSidewalk = zonesAt(scene, contact, 'sidewalk').length > 0;
  // Riders and passengers are detected as persons too; a two-wheeler box over the person means a rider.
  const riding =
    vehicles.some(
      (v) =>
        coverage(track.box, v.track.box) >=
        (isRidden(v.track.label) ? options.riderCoverage : options.passengerCoverage),
    ) ||
    (memory.motion.unit !== null &&
      (memory.motion.speed ?? 0) > pickSpeed(options.pedestrianMaxSpeed, memory.motion.unit));
  const margin = options.roadsideMarginBh * (track.box[3] - track.box[1]);
  const inside = subject.roadZones.some((zone) => distanceToEdge(contact, zone.polygon) >= margin);
  const holds = inside && !onSidewalk && !riding;
  const prev = memory.onRoad;
  memory.onRoad = advanceStreak(prev, holds, frame.t, options.graceS * 1000);
  if (memory.onRoad && !prev)
    memory.onRoad.since = Math.min(memory.onRoad.since, roadOnsetFromHistory(scene, track));
  if (!holds || !memory.onRoad) return null;
  const onRoadS = (frame.t - memory.onRoad.since) / 1000;
  const moved = displacementOver(track.history, options.personOnRoadS);
  const lingering = !moved || Math.hypot(moved.dx, moved.dy) <= options.personLingerBh * moved.heightPx;
  return { since: memory.onRoad.since, onRoadS, lingering };
}

function personOnRoadSignal(subject: Subject, onRoad: OnRoad, options: AccidentOptions): RuleSignal | null {
  const { onRoadS, lingering } = onRoad;
  if (onRoadS < options.personOnRoadS) return null;
  if (!lingering && onRoadS < options.personWalkingOnRoadS) return null;
  return trackSignal(subject, {
    key: `person:${subject.track.id}`,
    type: 'traffic.incident',
    kind: 'person_on_road',
    severity: 'medium',
    confidence: round2(
      clamp01(subject.track.score * (0.7 + 0.3 * Math.min(1, onRoadS / (2 * options.personOnRoadS)))),
    ),
    onset: onRoad.since,
    detail: { onRoadS: round2(onRoadS), zoneId: subject.roadZones[0]?.id ?? null },
  });
}

/** The vehicle as the crash-aftermath rule sees it, when it stands in a lane: not in a queue or a congested zone. */
function standingInLane(
  subject: Subject,
  { options, vehicles }: FrameEvaluation,
  congestedZoneIds: ReadonlySet<number>,
): StandingVehicle | null {
  const { motion } = subject.memory;
  if (subject.roadZones.length === 0 || motion.phase !== 'stopped' || motion.stoppedSince === null)
    return null;
  if (subject.roadZones.some((z) => congestedZoneIds.has(z.id))) return null;
  if (inQueue(subject, vehicles, options)) return null;
  return {
    trackId: subject.track.id,
    label: subject.track.label,
    box: subject.track.box,
    contact: subject.contact,
    stoppedSince: motion.stoppedSince,
    ground: latestGround(subject.track),
  };
}

/** Updates `state` in place and returns this frame's signals. */
export function evaluateAccidents(
  state: AccidentState,
  context: RuleContext,
  options: AccidentOptions = DEFAULT_ACCIDENT_OPTIONS,
): RuleSignal[] {
  const { scene, frame } = context;
  const t = frame.t;
  const vehicles: Subject[] = [];
  const persons: Subject[] = [];
  for (const track of frame.tracks) {
    const vehicle = isVehicle(track.label);
    if ((!vehicle && !isPerson(track.label)) || track.state !== 'confirmed') continue;
    if (historySpanS(track) < options.minTrackAgeS) continue;
    const memory: TrackMemory = state.tracks.get(track.id) ?? {
      motion: initialMotion(),
      lastSeen: t,
      judgedStopAt: null,
      sudden: null,
      reported: false,
      queued: false,
      onRoad: null,
      wrong: null,
    };
    memory.motion = advanceMotion(memory.motion, track.history, options.motion);
    memory.lastSeen = t;
    state.tracks.set(track.id, memory);
    const contact = groundContact(track.box);
    (vehicle ? vehicles : persons).push({
      track,
      memory,
      contact,
      roadZones: zonesAt(scene, contact, 'roadway'),
    });
  }

  const { signals: congestionSignals, congestedZoneIds } = evaluateCongestion(
    state.congestion,
    {
      t,
      scene,
      vehicles: vehicles.map(({ track, memory, roadZones }) => ({
        trackId: track.id,
        zoneIds: roadZones.map((z) => z.id),
        speedRatio:
          memory.motion.speed === null || memory.motion.unit === null
            ? null
            : memory.motion.speed / pickSpeed(options.congestion.maxSpeed, memory.motion.unit),
      })),
    },
    options.congestion,
  );
  const collisions = evaluateCollisions(
    state.collisions,
    {
      t,
      tracks: vehicles.map((v) => ({
        track: v.track,
        motion: v.memory.motion,
        inRoadway: v.roadZones.length > 0,
      })),
      detectionLatencyMs: (options.motion.windowS + 1) * 1000,
    },
    options.collision,
  );
  const impacts = evaluateImpacts(
    state.impacts,
    impactParties(scene, frame, options.riderCoverage),
    options.impact,
  );
  for (const id of impacts.involved) collisions.involved.add(id);
  const signals: RuleSignal[] = [...impacts.signals, ...collisions.signals, ...congestionSignals];
  const evaluation: FrameEvaluation = { context, options, vehicles };

  for (const subject of vehicles) {
    const { memory, track } = subject;
    const motion = memory.motion;
    if (motion.phase !== 'stopped') {
      memory.sudden = null;
      memory.reported = false;
      memory.queued = false;
    }
    const stop = motion.lastStop;
    if (stop && stop.detectedAt !== memory.judgedStopAt) {
      memory.judgedStopAt = stop.detectedAt;
      const score = motion.phase === 'stopped' ? abruptStopScore(stop, options.sudden) : null;
      if (score !== null)
        memory.sudden = {
          onset: stop.at,
          confidence: round2(clamp01(0.5 + 0.5 * score)),
          preSpeed: stop.preSpeed ?? 0,
        };
    }
    const wrongWay = wrongWaySignal(subject, evaluation);
    if (wrongWay) signals.push(wrongWay);
    if (subject.roadZones.length === 0 || collisions.involved.has(track.id)) continue;

    if (memory.sudden && motion.phase === 'stopped') {
      signals.push(
        trackSignal(subject, {
          key: `sudden:${track.id}`,
          type: 'traffic.accident',
          kind: 'sudden_stop',
          severity: 'high',
          confidence: memory.sudden.confidence,
          onset: memory.sudden.onset,
          detail: { label: track.label, speedBefore: round2(memory.sudden.preSpeed), speedUnit: motion.unit },
        }),
      );
      continue;
    }
    if (subject.roadZones.some((z) => congestedZoneIds.has(z.id))) continue;
    const stopped = stoppedVehicleSignal(subject, evaluation);
    if (stopped) signals.push(stopped);
  }

  const standingPeople: StandingPerson[] = [];
  for (const subject of persons) {
    const onRoad = personOnRoad(subject, evaluation);
    if (!onRoad) continue;
    if (onRoad.lingering)
      standingPeople.push({ trackId: subject.track.id, contact: subject.contact, onRoadSince: onRoad.since });
    const signal = personOnRoadSignal(subject, onRoad, options);
    if (signal) signals.push(signal);
  }
  // Most frames nobody stands on the road: the queue test per stopped vehicle is skipped then.
  if (aftermathWatching(state.aftermath, standingPeople)) {
    const standingVehicles = vehicles
      .map((subject) => standingInLane(subject, evaluation, congestedZoneIds))
      .filter((vehicle): vehicle is StandingVehicle => vehicle !== null);
    signals.push(
      ...evaluateAftermath(
        state.aftermath,
        { t, vehicles: standingVehicles, people: standingPeople },
        options.aftermath,
      ),
    );
  }

  for (const [id, memory] of state.tracks) {
    if (t - memory.lastSeen > options.forgetAfterS * 1000) state.tracks.delete(id);
  }
  const view = {
    stoppedSince: vehicles.flatMap(({ roadZones, memory: { motion } }) =>
      roadZones.length > 0 && motion.phase === 'stopped' && motion.stoppedSince !== null
        ? [motion.stoppedSince]
        : [],
    ),
    onRoadSince: persons.flatMap(({ memory }) => (memory.onRoad ? [memory.onRoad.since] : [])),
  };
  const folded = foldWithHeldCrash(signals, view, state.crash, t, options.crashHoldS * 1000);
  state.crash = folded.held;
  if (folded.sceneLasts) extendImpactScenes(state.impacts, t);
  return folded.signals;
}
