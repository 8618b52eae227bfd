// Crash by contact and disruption: two road users (one a vehicle) touch while closing on each other, and within seconds
// both are disrupted — gone together (dust, debris, a rider thrown) or one gone and the other brought to a halt. Young and
// tentative tracks take part: a crash in the first second of a view must still count.
import { bufferBox } from '../lib/buffered-box';
import type { RuleFrame, RuleSignal, Track, TrackPoint } from '../pipeline/types';
import { boxHeight, coverage, intersectionArea } from './box-geometry';
import { isPerson, isRidden, isVehicle } from './labels';
import { groundContact, zonesAt, type Pixel, type PixelScene } from './scene';
import { clamp01, latestGround, round2 } from './signal';

export interface ImpactOptions {
  /** Boxes grown by this share of their size touch: a bumper meeting a door rarely overlaps in the picture. */
  contactBuffer: number;
  /** At contact the two close on each other at least this fast, in box heights per second (a unit any camera has). */
  minSpeedBhS: number;
  /** Speeds are measured over this much of a track's history. */
  speedWindowS: number;
  /** Not touching this long before: a new contact, not a queue or a pair parked together. */
  priorS: number;
  /** The disruption must come within this long after the contact. */
  withinS: number;
  /** Both parties gone within this long of each other count as gone together… */
  vanishTogetherS: number;
  /**
   * …each missing in a frame at most this long after the one it was last seen in. Across a longer gap (frames dropped
   * by a busy worker) the tracker loses moving vehicles and takes them up again as new tracks: no disappearance seen.
   */
  vanishSeenWithinS: number;
  /** A moving party has halted when its speed fell below this share of its speed at contact… */
  haltRatio: number;
  /** …or below this speed (box heights per second). */
  haltBhS: number;
  /** Boxes shorter than this are too far away to judge a contact. */
  minHeightPx: number;
  /** A track last seen this close to the picture's edge (share of its size) left the view; it did not vanish. */
  edgeMargin: number;
  /**
   * A party missed for at most this many frames still makes contact, at the place its motion predicts: the frame of
   * the impact is often the one without it (boxes merging at the crash, or the frame dropped by a busy worker).
   */
  contactMissedFrames: number;
  /** A track needs this many detections to take part (a single detection may be clutter)… */
  minHits: number;
  /** …and a detection this confident at contact: faint far boxes flicker out together without any crash… */
  minScore: number;
  /**
   * …unless the party is this tall (pixels) and was detected that confidently before: a near vehicle turns faint at the
   * contact itself (boxes merging, dust; more so on a grey night picture), a far one merely flickers.
   */
  faintMinHeightPx: number;
  /** The crash stays signalled this long after its confirmation (longer while its scene lasts, see accident rules). */
  holdS: number;
}

export const DEFAULT_IMPACT_OPTIONS: ImpactOptions = {
  contactBuffer: 0.1,
  minSpeedBhS: 1,
  speedWindowS: 0.6,
  priorS: 1,
  withinS: 3,
  vanishTogetherS: 0.8,
  vanishSeenWithinS: 0.5,
  haltRatio: 0.25,
  haltBhS: 0.15,
  minHeightPx: 16,
  edgeMargin: 0.05,
  contactMissedFrames: 1,
  minHits: 2,
  minScore: 0.5,
  faintMinHeightPx: 32,
  holdS: 20,
};

/** A road user as the impact rule sees it. */
export interface ImpactParty {
  track: Track;
  vehicle: boolean;
  inRoadway: boolean;
  /** Two-wheelers (track ids) whose box covers this person's as a rider's: a rider touching their own bike is no contact. */
  ridesOn: readonly number[];
}

export interface ImpactInput {
  t: number;
  frameWidth: number;
  frameHeight: number;
  parties: readonly ImpactParty[];
}

interface Side {
  id: number;
  label: string;
  vehicle: boolean;
  speedAtContact: number;
  /** When it was first seen gone after the contact (absent, or not matched to a detection). */
  goneAt: number | null;
  /** When it was first seen halted after the contact. */
  haltedAt: number | null;
  /** Gone while at the picture's edge: it drove out of view. */
  leftView: boolean;
  /** Gone in a frame soon enough after the one it was last seen in to tell a disappearance from a lost track. */
  seenGoing: boolean;
  /** Where and when it was last detected, and how it was moving then (null: too short a history to tell). */
  lastBox: Track['box'];
  lastSeenAt: number;
  lastVelocity: Velocity | null;
}

interface Contact {
  at: number;
  point: Pixel;
  sides: [Side, Side];
  confirmed: { at: number; cue: 'vanished_together' | 'halted_after_contact' } | null;
  /** Last time the crash's scene (stopped vehicles, people on the road) was seen; the hold counts from here. */
  sceneAt: number;
}

export interface ImpactState {
  contacts: Map<string, Contact>;
}

export const createImpactState = (): ImpactState => ({ contacts: new Map() });

/**
 * Every vehicle and person in view, whatever its age: a crash in the first second of a view still counts. A person whose
 * box a two-wheeler's covers by `riderCoverage` rides it.
 */
export function impactParties(scene: PixelScene, frame: RuleFrame, riderCoverage: number): ImpactInput {
  const twoWheelers = frame.tracks.filter((track) => isRidden(track.label));
  return {
    t: frame.t,
    frameWidth: frame.frameWidth,
    frameHeight: frame.frameHeight,
    parties: frame.tracks
      .filter((track) => isVehicle(track.label) || isPerson(track.label))
      .map((track) => ({
        track,
        vehicle: isVehicle(track.label),
        inRoadway: zonesAt(scene, groundContact(track.box), 'roadway').length > 0,
        ridesOn: isPerson(track.label)
          ? twoWheelers
              .filter((bike) => coverage(track.box, bike.box) >= riderCoverage)
              .map((bike) => bike.id)
          : [],
      })),
  };
}

export interface ImpactResult {
  signals: RuleSignal[];
  /** Tracks of a crash being signalled: other rules leave them to it. */
  involved: Set<number>;
}

export interface Velocity {
  /** Box centre, pixels per second. */
  vx: number;
  vy: number;
  /** Mean box height over the window, pixels. */
  heightPx: number;
}

/** Velocity of the box centre over the last `windowS` of history (null: too short to tell). */
export function velocityOf(history: readonly TrackPoint[], windowS: number): Velocity | null {
  const last = history[history.length - 1];
  if (!last) return null;
  let first: TrackPoint | null = null;
  for (let k = history.length - 2; k >= 0; k--) {
    first = history[k]!;
    if (last.t - first.t >= windowS * 1000) break;
  }
  if (!first || last.t - first.t < 150) return null;
  const dtS = (last.t - first.t) / 1000;
  const heightPx = (boxHeight(first.box) + boxHeight(last.box)) / 2;
  if (heightPx <= 0) return null;
  return {
    vx: (last.box[0] + last.box[2] - first.box[0] - first.box[2]) / 2 / dtS,
    vy: (last.box[1] + last.box[3] - first.box[1] - first.box[3]) / 2 / dtS,
    heightPx,
  };
}

/** Speed in box heights per second: a unit every camera has, calibrated or not. */
export function speedBhS(history: readonly TrackPoint[], windowS: number): number | null {
  const v = velocityOf(history, windowS);
  return v && Math.hypot(v.vx, v.vy) / v.heightPx;
}

/** How fast two road users close on each other, in box heights per second (a still party counts as still). */
function closingSpeedBhS(a: Track, b: Track, windowS: number): number {
  const va = velocityOf(a.history, windowS);
  const vb = velocityOf(b.history, windowS);
  const height = ((va?.heightPx ?? boxHeight(a.box)) + (vb?.heightPx ?? boxHeight(b.box))) / 2;
  const dvx = (va?.vx ?? 0) - (vb?.vx ?? 0);
  const dvy = (va?.vy ?? 0) - (vb?.vy ?? 0);
  return height > 0 ? Math.hypot(dvx, dvy) / height : 0;
}

function pointBefore(history: readonly TrackPoint[], t: number): TrackPoint | null {
  for (let k = history.length - 1; k >= 0; k--) if (history[k]!.t <= t) return history[k]!;
  return null;
}

const touching = (a: Track['box'], b: Track['box'], buffer: number) =>
  intersectionArea(bufferBox(a, buffer), bufferBox(b, buffer)) > 0;

/**
 * Last seen at the picture's edge and heading out through it: it drove out of view. One at the edge heading in (a car
 * entering from the bottom of the picture) that vanishes did not leave; with no motion known, the edge decides alone.
 */
export function leftTheView(
  box: Track['box'],
  velocity: Velocity | null,
  frame: { frameWidth: number; frameHeight: number },
  margin: number,
): boolean {
  const mx = (box[2] - box[0]) * margin;
  const my = (box[3] - box[1]) * margin;
  const out = (component: number) => velocity === null || component >= 0;
  return (
    (box[0] <= mx && out(-(velocity?.vx ?? 0))) ||
    (box[1] <= my && out(-(velocity?.vy ?? 0))) ||
    (box[2] >= frame.frameWidth - mx && out(velocity?.vx ?? 0)) ||
    (box[3] >= frame.frameHeight - my && out(velocity?.vy ?? 0))
  );
}

/** The last detected box of a track (its box is the tracker's prediction while it is missed). */
const lastDetectedBox = (track: Track): Track['box'] =>
  track.history[track.history.length - 1]?.box ?? track.box;

/** Confident at the contact, or a near party seen clearly before whose box turned faint at it. */
function clearEnough(track: Track, options: ImpactOptions): boolean {
  if (track.score >= options.minScore) return true;
  return track.peakScore >= options.minScore && boxHeight(track.box) >= options.faintMinHeightPx;
}

/** New contacts this frame between parties that can take part. */
function findContacts(state: ImpactState, input: ImpactInput, options: ImpactOptions): void {
  const seen = input.parties.filter(
    (p) =>
      p.track.missed <= options.contactMissedFrames &&
      p.track.hits >= options.minHits &&
      boxHeight(p.track.box) >= options.minHeightPx &&
      clearEnough(p.track, options),
  );
  for (let i = 0; i < seen.length; i++) {
    for (let j = i + 1; j < seen.length; j++) {
      const [a, b] = seen[i]!.track.id < seen[j]!.track.id ? [seen[i]!, seen[j]!] : [seen[j]!, seen[i]!];
      const key = `${a.track.id}-${b.track.id}`;
      if (state.contacts.has(key)) continue;
      if (!(a.vehicle || b.vehicle) || !(a.inRoadway || b.inRoadway)) continue;
      if (a.ridesOn.includes(b.track.id) || b.ridesOn.includes(a.track.id)) continue;
      if (!touching(a.track.box, b.track.box, options.contactBuffer)) continue;
      // Closing on each other: two cars driving together touch in perspective all the time.
      if (closingSpeedBhS(a.track, b.track, options.speedWindowS) < options.minSpeedBhS) continue;
      const speedA = speedBhS(a.track.history, options.speedWindowS) ?? 0;
      const speedB = speedBhS(b.track.history, options.speedWindowS) ?? 0;
      // A track too young to have a point back then was not touching anything the rule saw.
      const beforeA = pointBefore(a.track.history, input.t - options.priorS * 1000);
      const beforeB = pointBefore(b.track.history, input.t - options.priorS * 1000);
      if (beforeA && beforeB && touching(beforeA.box, beforeB.box, options.contactBuffer)) continue;
      const [ax, ay] = groundContact(a.track.box);
      const [bx, by] = groundContact(b.track.box);
      const side = (p: ImpactParty, speed: number): Side => ({
        id: p.track.id,
        label: p.track.label,
        vehicle: p.vehicle,
        speedAtContact: speed,
        goneAt: null,
        haltedAt: null,
        leftView: false,
        seenGoing: false,
        lastBox: lastDetectedBox(p.track),
        lastSeenAt: p.track.lastSeen,
        lastVelocity: velocityOf(p.track.history, options.speedWindowS),
      });
      state.contacts.set(key, {
        at: input.t,
        point: [(ax + bx) / 2, (ay + by) / 2],
        sides: [side(a, speedA), side(b, speedB)],
        confirmed: null,
        sceneAt: input.t,
      });
    }
  }
}

/** Notes when each side of a contact went out of sight or came to a halt. */
function followSides(
  contact: Contact,
  byId: Map<number, ImpactParty>,
  input: ImpactInput,
  options: ImpactOptions,
) {
  for (const side of contact.sides) {
    const party = byId.get(side.id);
    if (!party || party.track.missed > 0) {
      if (side.goneAt === null) {
        side.goneAt = input.t;
        side.leftView = leftTheView(side.lastBox, side.lastVelocity, input, options.edgeMargin);
        side.seenGoing = input.t - side.lastSeenAt <= options.vanishSeenWithinS * 1000;
      }
      continue;
    }
    side.goneAt = null; // back in sight: an occlusion, not a disappearance
    side.leftView = false;
    side.lastBox = party.track.box;
    side.lastSeenAt = input.t;
    side.lastVelocity = velocityOf(party.track.history, options.speedWindowS);
    const speed = speedBhS(party.track.history, options.speedWindowS);
    const halted =
      side.speedAtContact >= options.minSpeedBhS &&
      speed !== null &&
      (speed <= options.haltBhS || speed <= options.haltRatio * side.speedAtContact);
    if (halted) side.haltedAt ??= input.t;
    else side.haltedAt = null;
  }
}

function disruption(contact: Contact, options: ImpactOptions): Contact['confirmed'] {
  const [a, b] = contact.sides;
  const deadline = contact.at + options.withinS * 1000;
  const gone = (s: Side) => s.goneAt !== null && s.seenGoing && !s.leftView && s.goneAt <= deadline;
  const halted = (s: Side) => s.vehicle && s.haltedAt !== null && s.haltedAt <= deadline;
  if (gone(a) && gone(b) && Math.abs(a.goneAt! - b.goneAt!) <= options.vanishTogetherS * 1000)
    return { at: Math.max(a.goneAt!, b.goneAt!), cue: 'vanished_together' };
  // One gone and the other halted: a rider thrown or hidden under the car that stops. Two that brake to a halt in
  // sight of each other are a queue closing up (the collision rule judges whether that halt was abrupt).
  const haltedAfter = (s: Side, other: Side) => halted(s) && gone(other);
  if (haltedAfter(a, b) || haltedAfter(b, a)) {
    const times = [a, b].flatMap((s) => [s.haltedAt, s.goneAt]).filter((v): v is number => v !== null);
    return { at: Math.max(...times), cue: 'halted_after_contact' };
  }
  return null;
}

/** The confirmed crashes' scene is still there (vehicles left standing, people on the road): their hold restarts. */
export function extendImpactScenes(state: ImpactState, t: number): void {
  for (const contact of state.contacts.values()) if (contact.confirmed) contact.sceneAt = t;
}

/** Updates `state` in place and returns this frame's crash signals. */
export function evaluateImpacts(
  state: ImpactState,
  input: ImpactInput,
  options: ImpactOptions = DEFAULT_IMPACT_OPTIONS,
): ImpactResult {
  findContacts(state, input, options);
  const byId = new Map(input.parties.map((p) => [p.track.id, p]));
  const signals: RuleSignal[] = [];
  const involved = new Set<number>();
  for (const [key, contact] of state.contacts) {
    if (!contact.confirmed) {
      followSides(contact, byId, input, options);
      contact.confirmed = disruption(contact, options);
      if (!contact.confirmed) {
        if (input.t > contact.at + options.withinS * 1000) state.contacts.delete(key);
        continue;
      }
      contact.sceneAt = contact.confirmed.at;
    }
    if (input.t - contact.sceneAt > options.holdS * 1000) {
      state.contacts.delete(key);
      continue;
    }
    const [a, b] = contact.sides;
    involved.add(a.id);
    involved.add(b.id);
    const present = [byId.get(a.id), byId.get(b.id)].filter((p): p is ImpactParty => p !== undefined);
    signals.push({
      // The collision rule's key: one incident when both rules see the same pair.
      key: `collision:${key}`,
      type: 'traffic.accident',
      kind: 'collision',
      severity: 'critical',
      confidence: round2(clamp01(0.6 + 0.2 * Math.min(1, Math.max(a.speedAtContact, b.speedAtContact) / 3))),
      onset: contact.at,
      trackIds: [a.id, b.id],
      imagePoint: contact.point,
      ground: present.map((p) => latestGround(p.track)).find((g) => g !== null) ?? null,
      detail: {
        cue: contact.confirmed.cue,
        labels: [a.label, b.label],
        speedsAtContactBhS: [round2(a.speedAtContact), round2(b.speedAtContact)],
      },
    });
  }
  return { signals, involved };
}
