import type { Detection } from '@toc/models';
import { describe, expect, it } from 'vitest';
import type { Box, Track } from '../pipeline/types';
import { coast, createTracker, sanitizeDetections, track, trackerStats } from './tracker';

const LABEL_IDS: Record<string, number> = { person: 0, car: 2, motorbike: 3, bus: 5, truck: 7 };

const det = (box: Box, score = 0.9, label = 'car'): Detection => ({
  classId: LABEL_IDS[label] ?? 99,
  label,
  score,
  box,
});
const boxAt = (cx: number, cy: number, w = 40, h = 30): Box => [
  cx - w / 2,
  cy - h / 2,
  cx + w / 2,
  cy + h / 2,
];

describe('tracker', () => {
  it('keeps one track for an object moving further than its own size between frames (buffered IoU)', () => {
    // A motorcycle box 40 px wide moving 50 px per detect frame: its boxes never overlap frame to frame.
    const run = (bufferScale: number) => {
      let state = createTracker({ bufferScale });
      const ids = new Set<number>();
      for (let i = 0; i < 8; i++) {
        const result = track(state, [det(boxAt(100 + 50 * i, 200), 0.8, 'motorbike')], i * 200);
        state = result.state;
        for (const t of result.tracks) if (t.missed === 0) ids.add(t.id);
      }
      return ids.size;
    };
    expect(run(0.5)).toBe(1);
    expect(run(0)).toBeGreaterThan(3);
  });

  it('keeps one id for a moving box and confirms it after minHits', () => {
    let state = createTracker();
    const states: string[] = [];
    const ids = new Set<number>();
    let last: Track[] = [];
    for (let i = 0; i < 20; i++) {
      const result = track(state, [det(boxAt(100 + 15 * i, 200 + 5 * i))], i * 100);
      state = result.state;
      last = result.tracks;
      expect(last).toHaveLength(1);
      ids.add(last[0]!.id);
      states.push(last[0]!.state);
    }
    expect([...ids]).toEqual([1]);
    expect(states.slice(0, 3)).toEqual(['tentative', 'tentative', 'confirmed']);
    const [vx, vy] = last[0]!.velocity;
    expect(vx).toBeCloseTo(150, -1);
    expect(vy).toBeCloseTo(50, -1);
    expect(last[0]!.hits).toBe(20);
  });

  it('drops a tentative track after tentativeMaxMissed misses but not before', () => {
    let state = createTracker({ tentativeMaxMissed: 2 });
    state = track(state, [det(boxAt(50, 50))], 0).state;
    const once = track(state, [], 100);
    expect(once.tracks.map((t) => [t.id, t.state, t.missed])).toEqual([[1, 'tentative', 1]]);
    const twice = track(once.state, [], 200);
    expect(twice.tracks).toEqual([]);
    expect(twice.removed).toEqual([1]);
  });

  it('keeps the ids of two crossing objects, through a short occlusion of one', () => {
    let state = createTracker();
    const seen = new Map<number, number[]>();
    for (let i = 0; i < 24; i++) {
      const a = boxAt(100 + 20 * i, 200);
      const b = boxAt(560 - 20 * i, 215);
      // Around the crossing (i = 11.5) the truck hides behind the car for two frames.
      const hidden = i === 11 || i === 12;
      const dets = hidden ? [det(a, 0.9, 'car')] : [det(a, 0.9, 'car'), det(b, 0.8, 'truck')];
      const result = track(state, dets, i * 100);
      state = result.state;
      for (const t of result.tracks) {
        const cx = (t.box[0] + t.box[2]) / 2;
        seen.set(t.id, [...(seen.get(t.id) ?? []), cx]);
      }
    }
    expect([...seen.keys()]).toEqual([1, 2]);
    const a = seen.get(1)!;
    const b = seen.get(2)!;
    expect(a.at(-1)).toBeCloseTo(100 + 20 * 23, 0);
    expect(b.at(-1)).toBeCloseTo(560 - 20 * 23, 0);
    expect(a.every((x, i) => i === 0 || x > a[i - 1]!)).toBe(true);
    expect(b.every((x, i) => i === 0 || x < b[i - 1]!)).toBe(true);
  });

  it('keeps a track alive on low-score detections (second pass) but never starts one from them', () => {
    let state = createTracker();
    for (let i = 0; i < 5; i++) state = track(state, [det(boxAt(100 + 10 * i, 100))], i * 100).state;
    let result = track(state, [det(boxAt(150, 100), 0.3), det(boxAt(400, 400), 0.45)], 500);
    for (let i = 6; i < 40; i++) result = track(result.state, [det(boxAt(100 + 10 * i, 100), 0.3)], i * 100);
    expect(result.tracks.map((t) => [t.id, t.state, t.missed, t.score])).toEqual([[1, 'confirmed', 0, 0.3]]);

    // Control: the same frames without the low pass lose the track.
    let control = createTracker({ lowThreshold: 0.5 });
    for (let i = 0; i < 5; i++) control = track(control, [det(boxAt(100 + 10 * i, 100))], i * 100).state;
    const lost = track(control, [det(boxAt(150, 100), 0.3)], 500);
    expect(lost.tracks.map((t) => t.state)).toEqual(['lost']);
  });

  it('keeps a new track on a low-score detection that moved beyond its box (a fast car entering, a grey picture)', () => {
    // Seen once at 0.8, then at 0.45 half a box further on: too far for IoU, too faint for the high passes.
    const run = (bufferScale: number) => {
      let state = createTracker({ bufferScale });
      state = track(state, [det(boxAt(100, 300, 160, 50))], 0).state;
      return track(state, [det(boxAt(130, 260, 140, 90), 0.45)], 200).tracks;
    };
    expect(run(0.5).map((t) => [t.id, t.state, t.hits, t.missed])).toEqual([[1, 'tentative', 2, 0]]);
    expect(run(0).map((t) => [t.id, t.hits, t.missed])).toEqual([[1, 1, 1]]);
  });

  it('makes one track of one object detected as both car and truck in a frame', () => {
    let state = createTracker();
    let tracks: Track[] = [];
    for (let i = 0; i < 4; i++) {
      const box = boxAt(100 + 10 * i, 100, 80, 50);
      const twice = [det(box, 0.8, 'car'), det([box[0] + 1, box[1], box[2] + 1, box[3]], 0.7, 'truck')];
      ({ state, tracks } = track(state, twice, i * 200));
    }
    expect(tracks.map((t) => [t.id, t.label, t.hits])).toEqual([[1, 'car', 4]]);
  });

  it('removes a lost track after maxLostMs, measured in time whatever the frame rate', () => {
    let state = createTracker({ maxLostMs: 2000 });
    for (let i = 0; i < 4; i++) state = track(state, [det(boxAt(100, 100))], i * 100).state;
    let result = track(state, [], 400);
    expect(result.tracks.map((t) => t.state)).toEqual(['lost']);
    result = track(result.state, [], 1900);
    expect(result.tracks.map((t) => [t.state, t.missed])).toEqual([['lost', 2]]);
    result = track(result.state, [], 2300);
    expect(result.tracks.map((t) => t.state)).toEqual(['lost']);
    result = track(result.state, [], 2400);
    expect(result.tracks).toEqual([]);
    expect(result.removed).toEqual([1]);
    // Ids are never reused.
    result = track(result.state, [det(boxAt(100, 100))], 2500);
    expect(result.tracks.map((t) => t.id)).toEqual([2]);
  });

  it('re-finds a lost track as the same id', () => {
    let state = createTracker();
    for (let i = 0; i < 4; i++) state = track(state, [det(boxAt(100 + 10 * i, 100))], i * 100).state;
    for (let i = 4; i < 8; i++) state = track(state, [], i * 100).state;
    const result = track(state, [det(boxAt(180, 100))], 800);
    expect(result.tracks.map((t) => [t.id, t.state, t.missed])).toEqual([[1, 'confirmed', 0]]);
  });

  it('bounds the history, oldest first, and records matched frames only', () => {
    let state = createTracker({ maxHistory: 5 });
    for (let i = 0; i < 12; i++) state = track(state, [det(boxAt(100 + i, 100))], i * 100).state;
    const result = track(state, [], 1200);
    const history = result.tracks[0]!.history;
    expect(history.map((p) => p.t)).toEqual([700, 800, 900, 1000, 1100]);
    expect(history[4]).toEqual({ t: 1100, box: boxAt(111, 100), ground: null, speedKmh: null });
  });

  it('returns snapshots the next frame does not change', () => {
    const first = track(createTracker(), [det(boxAt(100, 100))], 0);
    track(first.state, [det(boxAt(110, 100))], 100);
    expect(first.tracks[0]!.box).toEqual(boxAt(100, 100));
    expect(first.tracks[0]!.history).toHaveLength(1);
    expect(first.tracks[0]!.hits).toBe(1);
  });

  it('matches across car/truck/bus and keeps the majority label, but not across groups', () => {
    let state = createTracker();
    const labels = ['car', 'car', 'truck', 'car', 'bus', 'truck', 'car'];
    let result = track(state, [], 0);
    labels.forEach((label, i) => {
      result = track(result.state, [det(boxAt(100 + 5 * i, 100), 0.8, label)], i * 100);
    });
    expect(result.tracks.map((t) => [t.id, t.label, t.classId])).toEqual([[1, 'car', 2]]);
    state = track(result.state, [det(boxAt(135, 100), 0.9, 'person')], 700).state;
    const labelsById = track(state, [], 800).tracks.map((t) => [t.id, t.label]);
    expect(labelsById).toEqual([
      [1, 'car'],
      [2, 'person'],
    ]);
  });

  it('drops NaN, infinite and empty boxes at the boundary and counts them', () => {
    const bad = [
      det([Number.NaN, 0, 10, 10]),
      det([0, 0, Number.POSITIVE_INFINITY, 10]),
      det([0, 0, 0, 10]),
      det([0, 10, 10, 5]),
      { ...det([0, 0, 10, 10]), score: Number.NaN },
    ];
    const good = det([0, 0, 10, 10]);
    expect(sanitizeDetections([...bad, good])).toEqual({ detections: [good], dropped: 5 });
    const result = track(createTracker(), bad, 0);
    expect(result.tracks).toEqual([]);
    expect(trackerStats(result.state)).toMatchObject({ dropped: 5, detections: 0, live: 0 });
  });

  it('coast keeps a stationary track alive and confirmed through skipped detection', () => {
    let state = createTracker({ maxLostMs: 2000 });
    for (let i = 0; i < 5; i++) state = track(state, [det(boxAt(300, 200))], i * 100).state;
    let result = track(state, [], 500);
    result = track(result.state, [det(boxAt(300, 200))], 600);
    for (let t = 700; t <= 30_000; t += 100) result = coast(result.state, t);
    expect(result.tracks.map((t) => [t.id, t.state, t.missed])).toEqual([[1, 'confirmed', 0]]);
    const [x1, y1, x2, y2] = result.tracks[0]!.box;
    expect((x1 + x2) / 2).toBeCloseTo(300, 0);
    expect((y1 + y2) / 2).toBeCloseTo(200, 0);
    result = track(result.state, [det(boxAt(300, 200))], 30_100);
    expect(result.tracks.map((t) => [t.id, t.state])).toEqual([[1, 'confirmed']]);
    expect(trackerStats(result.state)).toMatchObject({ coasted: 294, created: 1, removed: 0 });
  });

  it('coast ages an already lost track more slowly, then removes it', () => {
    let state = createTracker({ maxLostMs: 2000, coastAging: 0.25 });
    for (let i = 0; i < 4; i++) state = track(state, [det(boxAt(100, 100))], i * 100).state;
    let result = track(state, [], 400);
    for (let t = 500; t <= 4400; t += 100) result = coast(result.state, t);
    // 100 ms lost plus 4 s coasted × 0.25 = 1.1 s: still there, where a detection frame would have removed it.
    expect(result.tracks.map((t) => t.state)).toEqual(['lost']);
    for (let t = 4500; t <= 12_000 && result.tracks.length > 0; t += 100) result = coast(result.state, t);
    expect(result.tracks).toEqual([]);
    expect(result.removed).toEqual([1]);
  });
});
