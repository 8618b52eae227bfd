import { describe, expect, it } from 'vitest';
import type { Box, RuleFrame, Track, TrackState } from '../pipeline/types';
import { createLineCounterState, evaluateLines, lineSide, type LineCount } from './line-counter';
import type { PixelScene } from './scene';

/** One line from a = (500, 600) up to b = (500, 200): "forward" is left → right on screen (x increasing). */
const scene: PixelScene = {
  width: 1280,
  height: 720,
  zones: [],
  lines: [{ id: 7, name: 'l', nameTh: 'l', a: [500, 600], b: [500, 200] }],
};

function track(
  id: number,
  label: string,
  contact: [number, number],
  state: TrackState = 'confirmed',
  missed = 0,
): Track {
  const box: Box = [contact[0] - 20, contact[1] - 40, contact[0] + 20, contact[1]];
  return {
    id,
    classId: 0,
    label,
    score: 0.9,
    peakScore: 0.9,
    state,
    box,
    velocity: [0, 0],
    hits: 5,
    missed,
    firstSeen: 0,
    lastSeen: 0,
    history: [],
  };
}

const frame = (tS: number, tracks: Track[]): RuleFrame => ({
  t: tS * 1000,
  frameWidth: 1280,
  frameHeight: 720,
  tracks,
  detections: [],
});

/** Feeds frames 0.2 s apart and returns the closed intervals. */
function run(steps: Track[][], intervalS = 60): LineCount[] {
  const state = createLineCounterState();
  const closed: LineCount[] = [];
  steps.forEach((tracks, i) =>
    closed.push(
      ...evaluateLines(
        state,
        { scene, frame: frame(i * 0.2, tracks) },
        { intervalS, marginPx: 3, labels: ['car', 'person'], forgetAfterS: 30 },
      ),
    ),
  );
  closed.push(
    ...evaluateLines(
      state,
      { scene, frame: frame(intervalS, []) },
      { intervalS, marginPx: 3, labels: ['car', 'person'], forgetAfterS: 30 },
    ),
  );
  return closed;
}

const path = (id: number, label: string, xs: number[], y = 400, states?: TrackState[]) =>
  xs.map((x, i) => track(id, label, [x, y], states?.[i] ?? 'confirmed'));

/** Zips per-track paths into frames. */
const zip = (...paths: Track[][]): Track[][] =>
  Array.from({ length: Math.max(...paths.map((p) => p.length)) }, (_, i) =>
    paths.flatMap((p) => (p[i] ? [p[i]] : [])),
  );

describe('line counter', () => {
  it('defines forward as from the left of a→b to its right in image coordinates (y down)', () => {
    const up = { a: [500, 600] as [number, number], b: [500, 200] as [number, number] };
    expect(lineSide(up, [400, 400], 3)).toBe(-1);
    expect(lineSide(up, [600, 400], 3)).toBe(1);
    expect(lineSide(up, [501, 400], 3)).toBe(0);
    // a→b pointing right: its right is below (larger y).
    expect(lineSide({ a: [0, 100], b: [100, 100] }, [50, 150], 3)).toBe(1);
  });

  it('counts by class and direction, persons separately', () => {
    const counts = run(
      zip(
        path(1, 'car', [300, 400, 480, 560, 650]),
        path(2, 'car', [700, 600, 450]),
        path(3, 'person', [490, 497, 510, 520]),
      ),
    );
    expect(counts).toEqual([
      {
        lineId: 7,
        startedAt: 0,
        endedAt: 60_000,
        counts: { car: { forward: 1, reverse: 1 }, person: { forward: 1, reverse: 0 } },
      },
    ]);
  });

  it('counts a track at most once per direction while it jitters on the line', () => {
    const xs = [480, 505, 495, 506, 494, 507, 520];
    expect(run([path(1, 'car', xs)].flatMap((p) => p.map((t) => [t])))[0]!.counts).toEqual({
      car: { forward: 1, reverse: 1 },
    });
    // Within the dead band nothing changes side at all.
    expect(run(path(1, 'car', [480, 501, 499, 501, 520]).map((t) => [t]))[0]!.counts).toEqual({
      car: { forward: 1, reverse: 0 },
    });
  });

  it('does not count passing beyond the end of the segment', () => {
    expect(run(path(1, 'car', [400, 600], 150).map((t) => [t]))[0]!.counts).toEqual({});
  });

  it('counts a crossing made while tentative once the track is confirmed, and ignores lost tracks', () => {
    const tentative = path(1, 'car', [450, 550, 600], 400, ['tentative', 'tentative', 'confirmed']);
    expect(run(tentative.map((t) => [t]))[0]!.counts).toEqual({ car: { forward: 1, reverse: 0 } });
    const neverConfirmed = path(2, 'car', [450, 550], 400, ['tentative', 'tentative']);
    expect(run(neverConfirmed.map((t) => [t]))[0]!.counts).toEqual({});
    const lost = [
      track(3, 'car', [450, 400]),
      track(3, 'car', [550, 400], 'confirmed', 1),
      track(3, 'car', [560, 400], 'lost', 2),
    ];
    expect(run(lost.map((t) => [t]))[0]!.counts).toEqual({});
  });

  it('closes one interval per line every intervalS and starts the next from zero', () => {
    const state = createLineCounterState();
    const opts = { intervalS: 10, marginPx: 3, labels: ['car'], forgetAfterS: 30 };
    expect(evaluateLines(state, { scene, frame: frame(0, [track(1, 'car', [450, 400])]) }, opts)).toEqual([]);
    expect(evaluateLines(state, { scene, frame: frame(5, [track(1, 'car', [550, 400])]) }, opts)).toEqual([]);
    const first = evaluateLines(state, { scene, frame: frame(10.2, [track(2, 'car', [450, 300])]) }, opts);
    expect(first).toEqual([
      { lineId: 7, startedAt: 0, endedAt: 10_000, counts: { car: { forward: 1, reverse: 0 } } },
    ]);
    evaluateLines(state, { scene, frame: frame(12, [track(2, 'car', [550, 300])]) }, opts);
    // A gap with no frames skips the empty intervals.
    const second = evaluateLines(state, { scene, frame: frame(35, []) }, opts);
    expect(second).toEqual([
      { lineId: 7, startedAt: 10_000, endedAt: 20_000, counts: { car: { forward: 1, reverse: 0 } } },
    ]);
    expect(state.startedAt).toBe(30_000);
  });
});
