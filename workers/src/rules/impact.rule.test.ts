import { describe, expect, it } from 'vitest';
import type { Box, RuleSignal, Track } from '../pipeline/types';
import { createImpactState, evaluateImpacts, leftTheView, speedBhS, type ImpactParty } from './impact.rule';

const FRAME = { frameWidth: 1280, frameHeight: 720 };
const STEP_MS = 200; // 5 detect frames per second

/** An object's path: its box at each frame time (ms), or null where it was not detected. */
type Path = (t: number) => Box | null;

interface Actor {
  id: number;
  label: string;
  path: Path;
  /** The detection's score at each frame time (default 0.8). */
  score?: (t: number) => number;
  /** A rider: the two-wheelers it rides. */
  ridesOn?: number[];
}

/** A box of `w` × `h` whose bottom centre moves from (x0, y) at `vx` px/s, from time `from` (ms). */
const moving =
  (x0: number, y: number, vx: number, [w, h]: [number, number], from = 0): Path =>
  (t) => {
    const x = x0 + (vx * (t - from)) / 1000;
    return [x - w / 2, y - h, x + w / 2, y];
  };

/** `path` until `at` ms, then nothing (gone: dust, debris, hidden). */
const goneAfter =
  (path: Path, at: number): Path =>
  (t) =>
    t < at ? path(t) : null;

/** The box moved on at the speed of its last two observations. */
function predicted(track: Track, t: number): Box {
  const [before, last] = track.history.slice(-2);
  if (!before || !last) return track.box;
  const share = (t - last.t) / (last.t - before.t);
  return last.box.map((v, k) => v + (v - before.box[k]!) * share) as Box;
}

/**
 * Runs the actors frame by frame from 0 to `untilMs`, skipping the frames `dropped` says a busy worker dropped; returns
 * each frame's signals with their time.
 */
function run(
  actors: Actor[],
  untilMs: number,
  dropped: (t: number) => boolean = () => false,
): { t: number; signal: RuleSignal }[] {
  const state = createImpactState();
  const tracks = new Map<number, Track>();
  const out: { t: number; signal: RuleSignal }[] = [];
  for (let t = 0; t <= untilMs; t += STEP_MS) {
    if (dropped(t)) continue;
    const parties: ImpactParty[] = [];
    for (const actor of actors) {
      const box = actor.path(t);
      const known = tracks.get(actor.id);
      if (!box) {
        // Not matched this frame: the tracker keeps the track a while as missed, its box where its motion predicts
        // (as the Kalman filter does), then drops it.
        if (known && known.missed < 2) {
          known.missed += 1;
          known.box = predicted(known, t);
          parties.push({
            track: known,
            vehicle: actor.label !== 'person',
            inRoadway: true,
            ridesOn: actor.ridesOn ?? [],
          });
        }
        continue;
      }
      const track: Track = known ?? {
        id: actor.id,
        classId: 0,
        label: actor.label,
        score: 0,
        peakScore: 0, // set from the detection below
        state: 'tentative',
        box,
        velocity: [0, 0],
        hits: 0,
        missed: 0,
        firstSeen: t,
        lastSeen: t,
        history: [],
      };
      track.box = box;
      track.score = actor.score?.(t) ?? 0.8;
      track.peakScore = Math.max(track.peakScore, track.score);
      track.hits += 1;
      track.missed = 0;
      track.lastSeen = t;
      track.history.push({ t, box, ground: null, speedKmh: null });
      tracks.set(actor.id, track);
      parties.push({
        track,
        vehicle: actor.label !== 'person',
        inRoadway: true,
        ridesOn: actor.ridesOn ?? [],
      });
    }
    for (const signal of evaluateImpacts(state, { t, ...FRAME, parties }).signals) out.push({ t, signal });
  }
  return out;
}

const CAR: [number, number] = [160, 90];

describe('speedBhS', () => {
  it('is the box centre speed in box heights per second over the window', () => {
    const path = moving(100, 400, 180, CAR);
    const history = [0, 200, 400, 600].map((t) => ({ t, box: path(t)!, ground: null, speedKmh: null }));
    expect(speedBhS(history, 0.6)).toBeCloseTo(2, 5);
    expect(speedBhS(history.slice(0, 1), 0.6)).toBeNull();
  });
});

describe('leftTheView', () => {
  const frame = { frameWidth: 640, frameHeight: 360 };
  const atBottom: Box = [100, 200, 300, 360];
  const still = { vx: 0, vy: 0, heightPx: 160 };

  it('is true at an edge when heading out through it, or when no motion is known', () => {
    expect(leftTheView(atBottom, { ...still, vy: 50 }, frame, 0.05)).toBe(true);
    expect(leftTheView(atBottom, null, frame, 0.05)).toBe(true);
    expect(leftTheView([600, 100, 640, 150], { ...still, vx: 30 }, frame, 0.05)).toBe(true);
  });

  it('is false at an edge when heading into the picture, and away from every edge', () => {
    expect(leftTheView(atBottom, { ...still, vy: -50 }, frame, 0.05)).toBe(false);
    expect(leftTheView([0, 100, 40, 150], { ...still, vx: 30 }, frame, 0.05)).toBe(false);
    expect(leftTheView([200, 100, 300, 200], null, frame, 0.05)).toBe(false);
  });
});

describe('impact', () => {
  it('is raised when a car runs into another and both vanish together, with the contact as onset', () => {
    // Car 1 at 600 px/s closes on car 2 (100 px/s): they touch at ≈ 1.4 s and are lost in dust at 1.6 s.
    const signals = run(
      [
        { id: 1, label: 'car', path: goneAfter(moving(100, 400, 600, CAR), 1600) },
        { id: 2, label: 'car', path: goneAfter(moving(900, 400, 100, CAR), 1600) },
      ],
      5000,
    );
    expect(signals.length).toBeGreaterThan(0);
    const first = signals[0]!;
    expect(first.signal).toMatchObject({
      key: 'collision:1-2',
      type: 'traffic.accident',
      kind: 'collision',
      trackIds: [1, 2],
      detail: { cue: 'vanished_together' },
    });
    expect(first.signal.onset).toBeGreaterThanOrEqual(1200);
    expect(first.signal.onset).toBeLessThanOrEqual(1400);
    expect(first.t).toBeLessThanOrEqual(2000);
  });

  it('is raised when a car strikes a rider who vanishes and the car halts within seconds', () => {
    const car: Path = (t) => (t < 1400 ? moving(200, 420, 500, CAR)(t) : moving(900, 420, 0, CAR)(t));
    const rider = goneAfter(moving(940, 420, 0, [50, 110]), 1600);
    const signals = run(
      [
        { id: 1, label: 'car', path: car },
        { id: 2, label: 'motorbike', path: rider },
      ],
      6000,
    );
    expect(signals[0]?.signal.detail).toMatchObject({ cue: 'halted_after_contact' });
    expect(signals[0]!.t).toBeLessThanOrEqual(1400 + 3000);
  });

  it('takes part with a party seen clearly before whose box turned faint at the contact, not one never seen clearly', () => {
    const crash = (score: (t: number) => number) =>
      run(
        [
          { id: 1, label: 'car', path: goneAfter(moving(100, 400, 600, CAR), 1600), score },
          { id: 2, label: 'car', path: goneAfter(moving(900, 400, 100, CAR), 1600) },
        ],
        5000,
      );
    expect(crash((t) => (t < 1000 ? 0.8 : 0.4))[0]?.signal.detail).toMatchObject({
      cue: 'vanished_together',
    });
    expect(crash(() => 0.4)).toEqual([]);
  });

  it('does not take part with a far party (a small box) that turns faint: far boxes flicker', () => {
    // The same crash as above seen from 4.5 times as far: boxes 20 px tall.
    const FAR_CAR: [number, number] = [36, 20];
    const far = (score?: (t: number) => number) =>
      run(
        [
          {
            id: 1,
            label: 'car',
            path: goneAfter(moving(22, 200, 133, FAR_CAR), 1600),
            ...(score ? { score } : {}),
          },
          { id: 2, label: 'car', path: goneAfter(moving(200, 200, 22, FAR_CAR), 1600) },
        ],
        5000,
      );
    expect(far()[0]?.signal.detail).toMatchObject({ cue: 'vanished_together' }); // clear all along: a crash
    expect(far((t) => (t < 1000 ? 0.8 : 0.4))).toEqual([]);
  });

  it('takes part with tracks only two detections old (a crash in the first second of a view)', () => {
    const signals = run(
      [
        { id: 1, label: 'car', path: goneAfter(moving(740, 400, 600, CAR), 400) },
        { id: 2, label: 'car', path: goneAfter(moving(900, 400, 50, CAR), 400) },
      ],
      3000,
    );
    expect(signals.map((s) => s.signal.detail.cue)).toContain('vanished_together');
  });

  it('is raised when the frame of the contact is the one without the striking car (boxes merged, or dropped)', () => {
    // Car 1 is last detected at 1.2 s, before the two touch; at 1.4 s only car 2 is seen, and then neither.
    const signals = run(
      [
        { id: 1, label: 'car', path: goneAfter(moving(100, 400, 600, CAR), 1400) },
        { id: 2, label: 'car', path: goneAfter(moving(900, 400, 100, CAR), 1600) },
      ],
      5000,
    );
    expect(signals[0]?.signal).toMatchObject({ key: 'collision:1-2', detail: { cue: 'vanished_together' } });
    expect(signals[0]!.signal.onset).toBe(1400);
  });

  it('is not raised when two cars crossing in the picture are lost across frames a busy worker dropped', () => {
    // They touch at 1.2 s closing at 700 px/s; the next frame analysed is 0.8 s later, where the tracker could not
    // follow them and took them up as new tracks (3 and 4) further on.
    const lostAt = 1400;
    const right = moving(100, 400, 500, CAR);
    const left = moving(1100, 390, -200, CAR);
    const actors: Actor[] = [
      { id: 1, label: 'car', path: goneAfter(right, lostAt) },
      { id: 2, label: 'car', path: goneAfter(left, lostAt) },
      { id: 3, label: 'car', path: (t) => (t >= lostAt ? right(t) : null) },
      { id: 4, label: 'car', path: (t) => (t >= lostAt ? left(t) : null) },
    ];
    expect(run(actors, 5000, (t) => t > 1200 && t < 2000)).toEqual([]);
    // The same two vanishing in the very next frame is what a crash looks like.
    const seenGoing = run(actors.slice(0, 2), 5000, (t) => t > 1200 && t < 1400);
    expect(seenGoing[0]?.signal.detail).toMatchObject({ cue: 'vanished_together' });
  });

  it('is not raised for two cars driving together that touch in the picture', () => {
    const signals = run(
      [
        { id: 1, label: 'car', path: moving(100, 400, 300, CAR) },
        { id: 2, label: 'car', path: moving(250, 400, 300, CAR) },
      ],
      6000,
    );
    expect(signals).toEqual([]);
  });

  it('is not raised when a car passes in front of another that it hides', () => {
    const hidden: Path = (t) => (t >= 1200 && t < 2400 ? null : moving(800, 300, 60, CAR)(t));
    const signals = run(
      [
        { id: 1, label: 'car', path: moving(100, 330, 600, CAR) },
        { id: 2, label: 'car', path: hidden },
      ],
      6000,
    );
    expect(signals).toEqual([]);
  });

  it('is raised when a car entering from the bottom edge strikes another and both vanish (heading in, it never left)', () => {
    // A near car comes into the picture from below: its box is cut by the bottom edge, its top rises 800 px/s.
    const entering: Path = (t) => [500, 620 - 0.8 * t, 700, 720];
    const signals = run(
      [
        { id: 1, label: 'car', path: goneAfter(entering, 600) },
        { id: 2, label: 'car', path: goneAfter(moving(600, 350, 0, [240, 100]), 600) },
      ],
      4000,
    );
    expect(signals[0]?.signal).toMatchObject({ key: 'collision:1-2', detail: { cue: 'vanished_together' } });
  });

  it('is not raised for a rider and their own motorbike, hidden together behind a passing lorry', () => {
    // The rider's person track starts late on a box behind the bike's (found first on the rider's back), so over its
    // short history it closes on the bike fast: the pair looks like a contact.
    const bike = moving(100, 420, 600, [60, 70]);
    const rider: Path = (t) => (t < 800 ? null : moving(t === 800 ? -50 : 100, 400, 600, [40, 100])(t));
    const scene = (ridesOn?: number[]) =>
      run(
        [
          { id: 1, label: 'motorbike', path: goneAfter(bike, 1600) },
          { id: 2, label: 'person', path: goneAfter(rider, 1600), ...(ridesOn ? { ridesOn } : {}) },
        ],
        5000,
      );
    expect(scene()[0]?.signal.detail).toMatchObject({ cue: 'vanished_together' }); // what it would look like
    expect(scene([1])).toEqual([]);
  });

  it('is not raised when both touching cars drive out of the picture', () => {
    const signals = run(
      [
        { id: 1, label: 'car', path: goneAfter(moving(900, 400, 600, CAR), 1000) },
        { id: 2, label: 'car', path: goneAfter(moving(1120, 400, 150, CAR), 1000) },
      ],
      4000,
    );
    expect(signals).toEqual([]);
  });

  it('is not raised when a car brakes to a halt behind another that stays in sight (a queue closing up)', () => {
    const follower: Path = (t) => (t < 1600 ? moving(200, 400, 400, CAR)(t) : moving(840, 400, 0, CAR)(t));
    const signals = run(
      [
        { id: 1, label: 'car', path: follower },
        { id: 2, label: 'car', path: moving(1000, 400, 0, CAR) },
      ],
      6000,
    );
    expect(signals).toEqual([]);
  });
});
